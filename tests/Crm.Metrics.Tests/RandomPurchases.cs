using NodaTime;

namespace Crm.Metrics.Tests;

/// <summary>Random purchase logs for property tests: a seed picks the customers, instants and amounts.</summary>
internal static class RandomPurchases
{
    /// <summary>Up to <paramref name="maxCount"/> purchases by up to <paramref name="customers"/> customers over about two years from 2023-01-01 UTC, amounts 0.00–99.99.</summary>
    public static List<Purchase<int>> Generate(int seed, int maxCount = 200, int customers = 25)
    {
        var random = new Random(seed);
        var count = random.Next(maxCount + 1);
        var origin = Instant.FromUtc(2023, 1, 1, 0, 0);
        var purchases = new List<Purchase<int>>(count);
        for (var i = 0; i < count; i++)
        {
            var at = origin + Duration.FromMinutes(random.Next(2 * 365 * 24 * 60));
            purchases.Add(new Purchase<int>(random.Next(customers), at, random.Next(10_000) / 100m));
        }

        return purchases;
    }
}
