using NodaTime;

namespace Crm.Metrics.Rfm;

/// <summary>How a <see cref="CustomerSummaryBuilder{TCustomer}"/> reads a transaction log: the zone days are taken in, the end of calibration, an optional holdout period and the time unit.</summary>
/// <remarks>
/// Both end dates are <em>inclusive</em>: a purchase on <see cref="CalibrationEnd"/> (in <see cref="Zone"/>) counts in calibration,
/// one on the next day does not. T is always measured up to <see cref="CalibrationEnd"/>. A summary with no holdout period
/// has only a calibration end (<see cref="ObservationEnd"/> is <see langword="null"/>); with an <see cref="ObservationEnd"/>, the
/// holdout period runs from the day after the calibration end to it, as Python lifetimes' <c>calibration_and_holdout_data</c>.
/// </remarks>
public sealed class CustomerSummaryOptions
{
    /// <summary>Options for a summary up to <paramref name="calibrationEnd"/>, with a holdout period up to <paramref name="observationEnd"/> when it is given.</summary>
    /// <param name="zone">The zone purchase instants are turned into calendar days in.</param>
    /// <param name="calibrationEnd">The last day of calibration, inclusive; T is measured up to it.</param>
    /// <param name="timeUnit">The unit recency, T and the holdout duration are expressed in.</param>
    /// <param name="observationEnd">The last day of the holdout period, inclusive, or <see langword="null"/> for no holdout period.</param>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="observationEnd"/> is not after <paramref name="calibrationEnd"/>.</exception>
    /// <exception cref="ArgumentException">A date is not in the ISO calendar.</exception>
    public CustomerSummaryOptions(DateTimeZone zone, LocalDate calibrationEnd, CustomerSummaryTimeUnit timeUnit, LocalDate? observationEnd = null)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (calibrationEnd.Calendar != CalendarSystem.Iso)
        {
            throw new ArgumentException("The calibration end must be in the ISO calendar.", nameof(calibrationEnd));
        }

        if (observationEnd is { } end && end.Calendar != CalendarSystem.Iso)
        {
            throw new ArgumentException("The observation end must be in the ISO calendar.", nameof(observationEnd));
        }

        if (observationEnd is { } last && last <= calibrationEnd)
        {
            throw new ArgumentOutOfRangeException(
                nameof(observationEnd),
                last,
                $"The observation end ({last:uuuu-MM-dd}) must be after the calibration end ({calibrationEnd:uuuu-MM-dd}) so that the holdout period has at least one day; leave it null for no holdout period.");
        }

        Zone = zone;
        CalibrationEnd = calibrationEnd;
        ObservationEnd = observationEnd;
        TimeUnit = timeUnit;
    }

    /// <summary>The zone purchase instants are turned into calendar days in.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>The last day of the calibration period, inclusive: T is measured up to it.</summary>
    public LocalDate CalibrationEnd { get; }

    /// <summary>The last day of the holdout period, inclusive, or <see langword="null"/> when there is no holdout period.</summary>
    public LocalDate? ObservationEnd { get; }

    /// <summary>The unit recency, T and the holdout duration are expressed in.</summary>
    public CustomerSummaryTimeUnit TimeUnit { get; }

    /// <summary>Whether a holdout period follows the calibration period.</summary>
    public bool HasHoldout => ObservationEnd.HasValue;

    /// <summary>The last day read: the observation end when there is a holdout period, else the calibration end.</summary>
    public LocalDate LastDayRead => ObservationEnd ?? CalibrationEnd;

    internal bool SameAs(CustomerSummaryOptions other)
        => Zone.Equals(other.Zone) && CalibrationEnd == other.CalibrationEnd && ObservationEnd == other.ObservationEnd && TimeUnit == other.TimeUnit;
}
