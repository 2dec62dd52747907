namespace Crm.Metrics.Rfm;

/// <summary>What one customer did in the holdout period that follows calibration: the data a model's forecast is checked against.</summary>
/// <remarks>
/// As Python lifetimes' <c>calibration_and_holdout_data</c>: <see cref="Frequency"/> counts the distinct purchase days in the
/// holdout period (every one of them is a repeat purchase, since the customer's first purchase was in calibration),
/// <see cref="MonetaryValue"/> is the mean of those days' totals (0 when there are none) and <see cref="Duration"/> is the
/// holdout length in the summary's time unit.
/// </remarks>
public sealed record CustomerSummaryHoldout
{
    internal CustomerSummaryHoldout(int frequency, decimal monetaryValue, double duration)
    {
        Frequency = frequency;
        MonetaryValue = monetaryValue;
        Duration = duration;
    }

    /// <summary>The number of distinct days with a purchase in the holdout period.</summary>
    public int Frequency { get; }

    /// <summary>The mean of the holdout purchase days' totals (same-day amounts summed first), or 0 when <see cref="Frequency"/> is 0.</summary>
    public decimal MonetaryValue { get; }

    /// <summary>The length of the holdout period (the day after calibration end to observation end, inclusive) in the summary's time unit.</summary>
    public double Duration { get; }
}
