using Crm.Metrics;
using NodaTime;

namespace Crm.Benchmarks.Metrics;

/// <summary>A reproducible synthetic purchase log: 10,000,000 purchases by 1,000,000 customers over two years (2023–2024, UTC).</summary>
internal static class SyntheticPurchases
{
    public const int Purchases = 10_000_000;
    public const int Customers = 1_000_000;

    public static Purchase<long>[] Generate(int seed = 42)
    {
        var random = new Random(seed);
        var origin = Instant.FromUtc(2023, 1, 1, 0, 0);
        const int minutes = 2 * 365 * 24 * 60;
        var purchases = new Purchase<long>[Purchases];
        for (var i = 0; i < purchases.Length; i++)
        {
            var at = origin + Duration.FromMinutes(random.Next(minutes));
            purchases[i] = new Purchase<long>(random.Next(Customers), at, random.Next(1, 20_000) / 100m);
        }

        return purchases;
    }
}
