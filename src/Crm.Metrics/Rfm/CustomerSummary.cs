using NodaTime;

namespace Crm.Metrics.Rfm;

/// <summary>One customer's recency–frequency–monetary summary: the input of the BG/NBD, Pareto/NBD and Gamma-Gamma models.</summary>
/// <typeparam name="TCustomer">The host's customer key.</typeparam>
/// <remarks>
/// Exactly as Python lifetimes' <c>summary_data_from_transaction_data</c> with daily grouping: purchases are grouped by
/// calendar day in the summary's zone; <see cref="Frequency"/> (x) is the number of distinct purchase days after the first;
/// <see cref="Recency"/> (t_x) is the time from the first to the last purchase day (0 when x = 0); <see cref="Age"/> (T) is the
/// time from the first purchase day to the end of the (calibration) period; <see cref="MonetaryValue"/> is the mean of the
/// repeat purchase days' totals, the first day excluded (0 when x = 0). Times are whole days divided by the time unit.
/// </remarks>
public sealed record CustomerSummary<TCustomer>
    where TCustomer : notnull
{
    internal CustomerSummary(
        TCustomer customer,
        LocalDate firstPurchaseDate,
        LocalDate lastPurchaseDate,
        int frequency,
        double recency,
        double age,
        decimal monetaryValue,
        CustomerSummaryHoldout? holdout)
    {
        Customer = customer;
        FirstPurchaseDate = firstPurchaseDate;
        LastPurchaseDate = lastPurchaseDate;
        Frequency = frequency;
        Recency = recency;
        Age = age;
        MonetaryValue = monetaryValue;
        Holdout = holdout;
    }

    /// <summary>The customer.</summary>
    public TCustomer Customer { get; }

    /// <summary>The day of the first purchase, in the summary's zone.</summary>
    public LocalDate FirstPurchaseDate { get; }

    /// <summary>The day of the last purchase up to the end of calibration (or observation), in the summary's zone.</summary>
    public LocalDate LastPurchaseDate { get; }

    /// <summary>x: the number of distinct purchase days after the first one.</summary>
    public int Frequency { get; }

    /// <summary>t_x: the time from the first to the last purchase day, in the time unit (0 when <see cref="Frequency"/> is 0).</summary>
    public double Recency { get; }

    /// <summary>T: the time from the first purchase day to the end of the calibration (or observation) period, in the time unit.</summary>
    public double Age { get; }

    /// <summary>The mean of the repeat purchase days' totals (same-day amounts summed first, first day excluded), or 0 when <see cref="Frequency"/> is 0.</summary>
    public decimal MonetaryValue { get; }

    /// <summary>What the customer did in the holdout period, or <see langword="null"/> when the summary has no holdout period.</summary>
    public CustomerSummaryHoldout? Holdout { get; }
}
