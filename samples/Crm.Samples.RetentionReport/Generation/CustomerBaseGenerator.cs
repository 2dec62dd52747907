using MathNet.Numerics.Distributions;
using NodaTime;

namespace Crm.Samples.RetentionReport.Generation;

/// <summary>
/// Generates a customer base with a fixed seed: acquisition spread evenly over two years, purchases from a BG/NBD process,
/// spend from a Gamma-Gamma process, and referral chains among the customers, some of them long.
/// </summary>
/// <remarks>
/// Each customer gets a purchase rate λ ~ Gamma(r, α) per week and a dropout probability p ~ Beta(a, b). After the first
/// purchase (the acquisition) the next comes after an Exp(λ) wait; after each repeat purchase the customer leaves for good
/// with probability p. Each purchase's value is Gamma(p, ν) with the customer's ν ~ Gamma(q, γ). This is exactly the story
/// the BG/NBD and Gamma-Gamma models tell, so their fits on the base should land near the parameters it was drawn from.
/// </remarks>
/// <param name="purchases">The purchase process.</param>
/// <param name="spend">The spend process.</param>
/// <param name="seed">The seed: one seed, one base.</param>
internal sealed class CustomerBaseGenerator(BgNbdProcess purchases, GammaGammaSpend spend, int seed)
{
    /// <summary>The share of customers (after the first few) who came through a referral.</summary>
    public const double ReferredShare = 0.25;

    /// <summary>Of the referred customers, the share who extend one of the most recent chains rather than start from anyone earlier.</summary>
    public const double ChainExtensionShare = 0.6;

    private const int RecentChains = 8;
    private static readonly Duration Week = Duration.FromDays(7);

    /// <summary>The base used when the report runs with no arguments: CDNOW-like parameters and a fixed seed.</summary>
    public static CustomerBaseGenerator Default { get; } = new(BgNbdProcess.Cdnow, GammaGammaSpend.Cdnow, seed: 20_240_101);

    /// <summary>Generates <paramref name="customers"/> customers acquired from <paramref name="firstDay"/> to <paramref name="asOf"/> (UTC days).</summary>
    public CustomerBase Generate(int customers, LocalDate firstDay, LocalDate asOf)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(customers);
        var random = new Random(seed);
        var start = firstDay.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant();
        var end = asOf.PlusDays(1).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant();
        var span = (end - start).TotalTicks;

        var acquired = Enumerable.Range(0, customers)
            .Select(_ => start + Duration.FromTicks((long)(random.NextDouble() * span)))
            .Order()
            .ToArray();
        var referrers = DrawReferrals(customers, random);
        var list = new GeneratedCustomer[customers];
        var bought = new List<GeneratedPurchase>();
        for (var i = 0; i < customers; i++)
        {
            list[i] = new GeneratedCustomer(Names.Draw(random), acquired[i], referrers[i]);
            DrawPurchases(i, acquired[i], end, random, bought);
        }

        bought.Sort((x, y) => x.At.CompareTo(y.At));
        return new CustomerBase(list, bought, firstDay, asOf);
    }

    // Who referred whom: a referee extends one of the most recent chains (so some grow long) or starts a new one under any earlier customer.
    private static int?[] DrawReferrals(int customers, Random random)
    {
        var referrers = new int?[customers];
        var tips = new List<int>();
        for (var i = 20; i < customers; i++)
        {
            if (random.NextDouble() >= ReferredShare)
            {
                continue;
            }

            if (tips.Count > 0 && random.NextDouble() < ChainExtensionShare)
            {
                var t = tips.Count - 1 - random.Next(Math.Min(RecentChains, tips.Count));
                referrers[i] = tips[t];
                tips[t] = i;
            }
            else
            {
                referrers[i] = random.Next(i);
                tips.Add(i);
            }
        }

        return referrers;
    }

    private void DrawPurchases(int customer, Instant first, Instant end, Random random, List<GeneratedPurchase> into)
    {
        var rate = Gamma.Sample(random, purchases.R, purchases.Alpha);           // purchases per week
        var dropout = Beta.Sample(random, purchases.A, purchases.B);
        var meanSpendRate = Gamma.Sample(random, spend.Q, spend.Gamma);          // ν
        into.Add(new GeneratedPurchase(customer, first, Amount(random, meanSpendRate)));
        var at = first;
        while (true)
        {
            var wait = Exponential.Sample(random, rate) * Week.TotalTicks;
            if (double.IsInfinity(wait) || wait >= (end - at).TotalTicks)
            {
                return;
            }

            at += Duration.FromTicks((long)wait);
            into.Add(new GeneratedPurchase(customer, at, Amount(random, meanSpendRate)));
            if (random.NextDouble() < dropout)
            {
                return;                                                          // gone for good after this repeat purchase
            }
        }
    }

    private decimal Amount(Random random, double meanSpendRate)
        => Math.Max(0.01m, Math.Round((decimal)Gamma.Sample(random, spend.P, meanSpendRate), 2));
}
