using NodaTime;

namespace Crm.Metrics.Repeat;

/// <summary>Repeat-purchase behaviour of a set of customers: repeat rate, one-time buyers, second-purchase conversion, frequency and order value.</summary>
/// <param name="Customers">Customers with at least one purchase.</param>
/// <param name="Purchases">All purchases (orders), several on one day counted separately.</param>
/// <param name="Revenue">The sum of all purchase amounts.</param>
/// <param name="RepeatCustomers">Customers who bought on at least two different days (in the zone).</param>
/// <param name="OneTimeBuyers">Customers who bought on one day only.</param>
/// <param name="RepeatPurchasePercentage">RepeatCustomers / Customers × 100, in percent; undefined without customers.</param>
/// <param name="OneTimeBuyerPercentage">OneTimeBuyers / Customers × 100, in percent; undefined without customers.</param>
/// <param name="ConversionWindowDays">N: the second purchase must come within this many days of the first to convert.</param>
/// <param name="ObservationEnd">The last day observed: the one configured, else the day of the latest purchase; <see langword="null"/> without purchases.</param>
/// <param name="EligibleFirstTimeBuyers">Customers whose first purchase day plus N is on or before <paramref name="ObservationEnd"/>: their whole window was observed.</param>
/// <param name="ConvertedFirstTimeBuyers">Of those, customers whose second purchase day came at most N days after the first.</param>
/// <param name="SecondPurchaseConversionPercentage">ConvertedFirstTimeBuyers / EligibleFirstTimeBuyers × 100, in percent; undefined when no customer's window was fully observed.</param>
/// <param name="MedianDaysToSecondPurchase">The median, over repeat customers, of the days from the first purchase day to the second (at least 1; the mean of the two middle values for an even count); undefined without repeat customers.</param>
/// <param name="PurchaseFrequency">Purchases / Customers: orders per customer; undefined without customers.</param>
/// <param name="AverageOrderValue">Revenue / Purchases, exact in <see cref="decimal"/>; <see langword="null"/> without purchases (see <see cref="AverageOrderValueUndefinedReason"/>).</param>
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
/// </para>
/// </remarks>
public sealed record RepeatPurchaseResult(
    long Customers,
    long Purchases,
    decimal Revenue,
    long RepeatCustomers,
    long OneTimeBuyers,
    MetricValue RepeatPurchasePercentage,
    MetricValue OneTimeBuyerPercentage,
    int ConversionWindowDays,
    LocalDate? ObservationEnd,
    long EligibleFirstTimeBuyers,
    long ConvertedFirstTimeBuyers,
    MetricValue SecondPurchaseConversionPercentage,
    MetricValue MedianDaysToSecondPurchase,
    MetricValue PurchaseFrequency,
    decimal? AverageOrderValue)
{
    /// <summary>Why <see cref="AverageOrderValue"/> is missing, or <see langword="null"/> when it has a value.</summary>
    public string? AverageOrderValueUndefinedReason => AverageOrderValue is null ? "no purchases: the average order value needs at least one" : null;
}
