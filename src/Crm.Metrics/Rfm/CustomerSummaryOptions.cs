using NodaTime;

namespace Crm.Metrics.Rfm;

/// <summary>How a <see cref="CustomerSummaryBuilder{TCustomer}"/> reads a transaction log: the zone days are taken in, the end of observation, an optional calibration/holdout split and the time unit.</summary>
/// <remarks>
/// Both end dates are <em>inclusive</em>: a purchase on <see cref="ObservationEnd"/> (in <see cref="Zone"/>) counts, one on the
/// next day is ignored. With a <see cref="CalibrationEnd"/>, the calibration period runs up to and including that date and the
/// holdout period from the next day to <see cref="ObservationEnd"/>, as Python lifetimes' <c>calibration_and_holdout_data</c>.
/// </remarks>
public sealed class CustomerSummaryOptions
{
    /// <summary>Options for a plain summary with no holdout period.</summary>
    /// <param name="zone">The zone purchase instants are turned into calendar days in.</param>
    /// <param name="observationEnd">The last day observed, inclusive; T is measured up to it.</param>
    /// <param name="timeUnit">The unit recency and T are expressed in.</param>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is null.</exception>
    public CustomerSummaryOptions(DateTimeZone zone, LocalDate observationEnd, CustomerSummaryTimeUnit timeUnit)
        : this(zone, null, observationEnd, timeUnit)
    {
    }

    /// <summary>Options for a calibration summary plus a holdout period.</summary>
    /// <param name="zone">The zone purchase instants are turned into calendar days in.</param>
    /// <param name="calibrationEnd">The last day of calibration, inclusive; T is measured up to it.</param>
    /// <param name="observationEnd">The last day of the holdout period, inclusive.</param>
    /// <param name="timeUnit">The unit recency, T and the holdout duration are expressed in.</param>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="calibrationEnd"/> is not before <paramref name="observationEnd"/>.</exception>
    /// <exception cref="ArgumentException">A date is not in the ISO calendar.</exception>
    public CustomerSummaryOptions(DateTimeZone zone, LocalDate? calibrationEnd, LocalDate observationEnd, CustomerSummaryTimeUnit timeUnit)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (observationEnd.Calendar != CalendarSystem.Iso || (calibrationEnd is { } c && c.Calendar != CalendarSystem.Iso))
        {
            throw new ArgumentException("Summary dates must be in the ISO calendar.", nameof(observationEnd));
        }

        if (calibrationEnd is { } end && end >= observationEnd)
        {
            throw new ArgumentOutOfRangeException(
                nameof(calibrationEnd),
                end,
                $"The calibration end ({end:uuuu-MM-dd}) must be before the observation end ({observationEnd:uuuu-MM-dd}) so that the holdout period has at least one day.");
        }

        Zone = zone;
        CalibrationEnd = calibrationEnd;
        ObservationEnd = observationEnd;
        TimeUnit = timeUnit;
    }

    /// <summary>The zone purchase instants are turned into calendar days in.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>The last day of the calibration period, inclusive, or <see langword="null"/> when there is no holdout period.</summary>
    public LocalDate? CalibrationEnd { get; }

    /// <summary>The last day observed, inclusive; purchases after it are ignored.</summary>
    public LocalDate ObservationEnd { get; }

    /// <summary>The unit recency, T and the holdout duration are expressed in.</summary>
    public CustomerSummaryTimeUnit TimeUnit { get; }

    /// <summary>Whether a holdout period follows the calibration period.</summary>
    public bool HasHoldout => CalibrationEnd.HasValue;

    /// <summary>The day T is measured up to: the calibration end when there is one, otherwise the observation end.</summary>
    public LocalDate SummaryEnd => CalibrationEnd ?? ObservationEnd;

    internal bool SameAs(CustomerSummaryOptions other)
        => Zone.Equals(other.Zone) && CalibrationEnd == other.CalibrationEnd && ObservationEnd == other.ObservationEnd && TimeUnit == other.TimeUnit;
}
