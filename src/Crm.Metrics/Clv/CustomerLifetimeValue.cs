using System.Globalization;

namespace Crm.Metrics.Clv;

/// <summary>Discounted customer lifetime value over a finite horizon from a repeat-purchase model and an expected spend per purchase.</summary>
/// <remarks>
/// <para>
/// CLV = Σ_{k=1..K} m · (E[Y(kΔ) | x, t_x, T] − E[Y((k−1)Δ) | x, t_x, T]) / (1 + d)^k, where E[Y(t) | …] is the model's
/// conditional expected number of purchases in the next t time units, Δ the length of one discounting period in the model's
/// time unit, K the number of periods, d the discount rate per period and m the expected value of one purchase (for example
/// the Gamma-Gamma conditional expected average spend). Each period's expected purchases are discounted to today at the
/// end of that period. This is the calculation of Python lifetimes' <c>customer_lifetime_value</c> (e.g. K = 12 months,
/// Δ = 30 days or 4.345 weeks, d = 0.01 a month).
/// </para>
/// <para>The value is in the currency of the spend and is a <see cref="double"/> expectation, not a ledger amount.</para>
/// </remarks>
public static class CustomerLifetimeValue
{
    /// <summary>The discounted value of a customer's expected purchases over the next <paramref name="periods"/> periods.</summary>
    /// <param name="transactions">The fitted repeat-purchase model (BG/NBD or Pareto/NBD).</param>
    /// <param name="history">The customer's (x, t_x, T) in the model's time unit.</param>
    /// <param name="expectedSpendPerPurchase">m: the expected value of one purchase, at least 0.</param>
    /// <param name="periods">K: the number of discounting periods, at least 1.</param>
    /// <param name="periodLength">Δ: the length of one period in the model's time unit (4.345 for a month when the model is in weeks).</param>
    /// <param name="discountRate">d: the discount rate per period, at least 0 (0.01 for 1 % a month).</param>
    /// <exception cref="ArgumentNullException"><paramref name="transactions"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An argument breaks the rule given for it; the message names it.</exception>
    public static double Discounted(IRepeatPurchaseModel transactions, PurchaseHistory history, double expectedSpendPerPurchase, int periods, double periodLength, double discountRate)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        Numerics.NonNegative(expectedSpendPerPurchase, nameof(expectedSpendPerPurchase));
        if (periods < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(periods), periods, string.Create(CultureInfo.InvariantCulture, $"The number of CLV periods must be at least 1 (was {periods})."));
        }

        Numerics.Positive(periodLength, nameof(periodLength));
        Numerics.NonNegative(discountRate, nameof(discountRate));

        var total = 0.0;
        var previous = 0.0;
        var logDiscount = Numerics.Log1P(discountRate);
        for (var k = 1; k <= periods; k++)
        {
            var cumulative = transactions.ConditionalExpectedPurchases(k * periodLength, history);
            total += Math.Max(cumulative - previous, 0) * Math.Exp(-k * logDiscount);
            previous = cumulative;
        }

        return expectedSpendPerPurchase * total;
    }

    /// <summary>The discounted value of a customer's expected purchases, each valued at the Gamma-Gamma conditional expected average spend.</summary>
    /// <param name="transactions">The fitted repeat-purchase model (BG/NBD or Pareto/NBD).</param>
    /// <param name="spend">The fitted Gamma-Gamma model.</param>
    /// <param name="history">The customer's (x, t_x, T) in the model's time unit.</param>
    /// <param name="averageSpend">m̄: the customer's mean repeat spend (0 when x = 0).</param>
    /// <param name="periods">K: the number of discounting periods, at least 1.</param>
    /// <param name="periodLength">Δ: the length of one period in the model's time unit.</param>
    /// <param name="discountRate">d: the discount rate per period, at least 0.</param>
    /// <returns>The CLV, or undefined when the expected spend is (see <see cref="GammaGammaModel.ConditionalExpectedAverageSpend"/>).</returns>
    /// <exception cref="ArgumentNullException">A model is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An argument breaks the rule given for it; the message names it.</exception>
    public static MetricValue Discounted(IRepeatPurchaseModel transactions, GammaGammaModel spend, PurchaseHistory history, decimal averageSpend, int periods, double periodLength, double discountRate)
    {
        ArgumentNullException.ThrowIfNull(spend);
        var expected = spend.ConditionalExpectedAverageSpend(new SpendHistory(history.Frequency, averageSpend));
        if (!expected.TryGetValue(out var m))
        {
            ArgumentNullException.ThrowIfNull(transactions);
            return expected;
        }

        return MetricValue.Of(Discounted(transactions, history, m, periods, periodLength, discountRate));
    }
}
