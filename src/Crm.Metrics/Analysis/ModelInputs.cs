using Crm.Metrics.Clv;
using Crm.Metrics.Rfm;

namespace Crm.Metrics.Analysis;

/// <summary>What the BG/NBD and Gamma-Gamma models need from a purchase analysis: per customer frequency, recency, T and mean repeat spend, and who a Gamma-Gamma fit leaves out.</summary>
/// <typeparam name="TCustomer">The host's customer key.</typeparam>
/// <remarks>
/// Purchases of one customer on one day (in the zone) are one purchase day with their amounts summed. Frequency x counts the
/// purchase days after the first, recency t_x and age T are in the options' time unit up to the calibration end, and the
/// mean repeat spend m̄ averages the repeat days' totals (0 when x = 0); see <see cref="CustomerSummary{TCustomer}"/>.
/// </remarks>
public sealed class ModelInputs<TCustomer>
    where TCustomer : notnull
{
    internal ModelInputs(CustomerSummarySet<TCustomer> summaries)
    {
        Summaries = summaries;
        var purchases = new PurchaseHistory[summaries.Customers.Count];
        var spends = new SpendHistory[summaries.Customers.Count];
        for (var i = 0; i < purchases.Length; i++)
        {
            var c = summaries.Customers[i];
            purchases[i] = PurchaseHistory.FromSummary(c);
            spends[i] = SpendHistory.FromSummary(c);
            if (c.Frequency == 0)
            {
                OneTimeBuyers++;
            }
            else if (c.MonetaryValue == 0)
            {
                ZeroSpendRepeatBuyers++;
            }
            else
            {
                GammaGammaCustomers++;
            }
        }

        PurchaseHistories = purchases;
        SpendHistories = spends;
    }

    /// <summary>One summary per customer with a calibration purchase (with holdout data when the options have a holdout period).</summary>
    public CustomerSummarySet<TCustomer> Summaries { get; }

    /// <summary>(x, t_x, T) per customer, in the order of <see cref="CustomerSummarySet{TCustomer}.Customers"/>: the input of <see cref="BgNbdModel.Fit"/>.</summary>
    public IReadOnlyList<PurchaseHistory> PurchaseHistories { get; }

    /// <summary>(x, m̄) per customer, in the same order: the input of <see cref="GammaGammaModel.Fit"/>, which uses those with x &gt; 0 and m̄ &gt; 0.</summary>
    public IReadOnlyList<SpendHistory> SpendHistories { get; }

    /// <summary>Customers with no repeat purchase day (x = 0): left out of a Gamma-Gamma fit.</summary>
    public long OneTimeBuyers { get; }

    /// <summary>Customers with a repeat purchase day but a mean repeat spend of 0: also left out of a Gamma-Gamma fit (outside the gamma's support).</summary>
    public long ZeroSpendRepeatBuyers { get; }

    /// <summary>Customers a Gamma-Gamma fit uses: x &gt; 0 and m̄ &gt; 0.</summary>
    public long GammaGammaCustomers { get; }
}
