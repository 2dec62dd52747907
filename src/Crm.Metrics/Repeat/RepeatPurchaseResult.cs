using NodaTime;

namespace Crm.Metrics.Repeat;

/// <summary>Repeat-purchase behaviour of a set of customers: repeat share, one-time buyers, second-purchase conversion, frequency and order value.</summary>
/// <param name="Customers">Customers with at least one purchase in the window.</param>
/// <param name="Revenue">The sum of the amounts of the purchases in the window.</param>
/// <param name="RepeatCustomers">Customers who bought on at least two different days (in the zone).</param>
/// <param name="OneTimeBuyers">Customers who bought on one day only.</param>
/// <param name="RepeatCustomerShare">RepeatCustomers / Customers, a fraction 0–1; undefined without customers.</param>
/// <param name="OneTimeBuyerShare">OneTimeBuyers / Customers, a fraction 0–1; undefined without customers.</param>
/// <param name="ConversionWindowDays">N: the second purchase must come within this many days of the first to convert.</param>
/// <param name="ObservationEnd">The last day observed: the window's last day, else the day of the latest purchase; <see langword="null"/> without purchases.</param>
/// <param name="EligibleFirstTimeBuyers">Customers whose first purchase day plus N is on or before <paramref name="ObservationEnd"/>: their whole window was observed.</param>
/// <param name="ConvertedFirstTimeBuyers">Of those, customers whose second purchase day came at most N days after the first.</param>
/// <param name="SecondPurchaseConversion">ConvertedFirstTimeBuyers / EligibleFirstTimeBuyers, a fraction 0–1; undefined when no customer's window was fully observed.</param>
/// <param name="MedianDaysToSecondPurchase">The median, over repeat customers, of the days from the first purchase day to the second (at least 1; the mean of the two middle values for an even count); undefined without repeat customers.</param>
/// <param name="PurchaseFrequency">Counts.Included / Customers: orders per customer; undefined without customers.</param>
/// <param name="AverageOrderValue">Revenue / Counts.Included, exact in <see cref="decimal"/>; <see langword="null"/> without purchases (see <see cref="AverageOrderValueUndefinedReason"/>).</param>
/// <param name="Counts">Every purchase read: the ones in the window (orders, several on one day counted separately) and the ones skipped before or after it.</param>
/// <remarks>
/// <para>
/// Repeat behaviour counts purchase <em>days</em>, read in the configured zone: two orders on the same local day are one
/// purchase occasion, so a customer who splits one basket into two orders is not a repeat customer. This is the
/// convention of the buy-till-you-die literature on the CDNOW data (Fader, Hardie and Lee) and of the common
/// implementations of those models. <see cref="PurchaseFrequency"/> and <see cref="AverageOrderValue"/> count orders.
/// </para>
/// <para>
/// The conversion rate is right-censored: customers acquired less than N days before the end of observation could
/// still convert, so they are left out of both its numerator and denominator (they still count everywhere else).
/// Shares are fractions 0–1; the <c>…Percent</c> members give the same figures × 100.
/// </para>
/// </remarks>
public sealed record RepeatPurchaseResult(
    long Customers,
    decimal Revenue,
    long RepeatCustomers,
    long OneTimeBuyers,
    MetricValue RepeatCustomerShare,
    MetricValue OneTimeBuyerShare,
    int ConversionWindowDays,
    LocalDate? ObservationEnd,
    long EligibleFirstTimeBuyers,
    long ConvertedFirstTimeBuyers,
    MetricValue SecondPurchaseConversion,
    MetricValue MedianDaysToSecondPurchase,
    MetricValue PurchaseFrequency,
    decimal? AverageOrderValue,
    PurchaseCounts Counts)
{
    internal const string NoCustomersReason = "no customers: no purchase was in the window";

    /// <summary>Why <see cref="AverageOrderValue"/> is missing, or <see langword="null"/> when it has a value.</summary>
    public string? AverageOrderValueUndefinedReason => AverageOrderValue is null ? "no purchases: the average order value needs at least one" : null;

    /// <summary><see cref="RepeatCustomerShare"/> × 100: a percentage 0–100, for display.</summary>
    public MetricValue RepeatCustomerSharePercent => MetricValue.Ratio(RepeatCustomers, Customers, NoCustomersReason, 100);

    /// <summary><see cref="OneTimeBuyerShare"/> × 100: a percentage 0–100, for display.</summary>
    public MetricValue OneTimeBuyerSharePercent => MetricValue.Ratio(OneTimeBuyers, Customers, NoCustomersReason, 100);

    /// <summary><see cref="SecondPurchaseConversion"/> × 100: a percentage 0–100, for display.</summary>
    public MetricValue SecondPurchaseConversionPercent
        => MetricValue.Ratio(ConvertedFirstTimeBuyers, EligibleFirstTimeBuyers, NoEligibleReason(ConversionWindowDays), 100);

    internal static string NoEligibleReason(int windowDays) => $"no first-time buyer was observed for the whole {windowDays}-day window";
}
