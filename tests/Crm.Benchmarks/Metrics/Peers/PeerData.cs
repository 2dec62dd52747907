using Crm.Metrics;
using NodaTime;

namespace Crm.Benchmarks.Metrics.Peers;

/// <summary>
/// The purchase log every contestant reads: a fixed seed, long customer keys spread over the whole range, 36 % one-time
/// buyers and the other customers' purchase counts skewed (exponential), instants to the minute over 2023–2024 in UTC,
/// amounts 0.01–200.00 with two decimals, in random order (the order a merged or sharded log arrives in).
/// </summary>
internal sealed class PeerData
{
    public const double OneTimeBuyerShare = 0.36;
    public static readonly Instant Origin = Instant.FromUtc(2023, 1, 1, 0, 0);
    public static readonly LocalDate ObservationEnd = new(2024, 12, 31);

    private PeerData(string size, Purchase<long>[] purchases, int customers)
    {
        Size = size;
        Purchases = purchases;
        Customers = customers;
    }

    /// <summary>smoke, short or full.</summary>
    public string Size { get; }

    public Purchase<long>[] Purchases { get; }

    public int Customers { get; }

    /// <summary>The sizes: full is the 10,000,000 purchases by 1,000,000 customers.</summary>
    public static (int Purchases, int Customers) Dimensions(string size) => size switch
    {
        "smoke" => (20_000, 2_000),
        "short" => (1_000_000, 100_000),
        "full" => (10_000_000, 1_000_000),
        _ => throw new ArgumentOutOfRangeException(nameof(size), size, "The size is smoke, short or full."),
    };

    /// <summary>The size a benchmark process was started for (an environment variable set by the job), full by default.</summary>
    public static string CurrentSize => Environment.GetEnvironmentVariable("CRM_PEER_SIZE") ?? "full";

    public static long KeyOf(int customer) => 1_000_000_000_007L + (customer * 2_654_435_761L);

    public static PeerData Generate(string size, int seed = 20_260_101)
    {
        var (count, customers) = Dimensions(size);
        var random = new Random(seed);
        var oneTime = (int)(customers * OneTimeBuyerShare);
        var perCustomer = new int[customers];
        var weights = new double[customers - oneTime];
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = -Math.Log(1 - random.NextDouble());
        }

        // One-time buyers buy once; the others at least twice, the rest spread by weight (rounding down, remainder one by one).
        var spare = count - oneTime - (2L * weights.Length);
        var weightSum = weights.Sum();
        long assigned = 0;
        for (var i = 0; i < customers; i++)
        {
            perCustomer[i] = i < oneTime ? 1 : 2 + (int)(spare * weights[i - oneTime] / weightSum);
            assigned += perCustomer[i];
        }

        for (var i = oneTime; assigned < count; i = i + 1 < customers ? i + 1 : oneTime)
        {
            perCustomer[i]++;
            assigned++;
        }

        const int minutes = 2 * 365 * 24 * 60;
        var purchases = new Purchase<long>[count];
        var k = 0;
        for (var c = 0; c < customers; c++)
        {
            var key = KeyOf(c);
            for (var j = 0; j < perCustomer[c]; j++)
            {
                purchases[k++] = new Purchase<long>(key, Origin + Duration.FromMinutes(random.Next(minutes)), random.Next(1, 20_001) / 100m);
            }
        }

        random.Shuffle(purchases);
        return new PeerData(size, purchases, customers);
    }
}
