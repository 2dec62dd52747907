using Crm.Metrics.Periods;
using Crm.Metrics.Rfm;
using NodaTime;

namespace Crm.Metrics.Analysis;

/// <summary>How a <see cref="PurchaseAnalysisAccumulator{TCustomer}"/> reads a purchase stream: the zone, the calibration end, an optional holdout period, the time unit and an optional first day.</summary>
/// <remarks>
/// <para>
/// Every date is inclusive and read in <see cref="Zone"/> (a date-only purchase keeps its date). The <em>calibration period</em>
/// runs from <see cref="Start"/> (or the first purchase) to <see cref="CalibrationEnd"/>: every figure of the analysis except
/// the rows read is computed from the purchases in it. With an <see cref="ObservationEnd"/>, the days after the calibration
/// end up to it are a holdout period that feeds only the per-customer holdout data of the model inputs.
/// </para>
/// <para>
/// The remaining settings have defaults and are set with object initialisers: <see cref="ConversionWindowDays"/> (90),
/// <see cref="RetentionPeriodUnit"/> (quarter), <see cref="InactivityWindow"/> (one retention period),
/// <see cref="CohortUnit"/> (month), <see cref="ParetoTopFraction"/> (0.2) and <see cref="RfmTieRule"/> (shared score).
/// </para>
/// </remarks>
public sealed class PurchaseAnalysisOptions
{
    private readonly int _conversionWindowDays = 90;
    private readonly PeriodUnit _retentionPeriodUnit = PeriodUnit.Quarter;
    private readonly Period? _inactivityWindow;
    private readonly PeriodUnit _cohortUnit = PeriodUnit.Month;
    private readonly double _paretoTopFraction = 0.2;
    private readonly RfmScoringTieRule _rfmTieRule = RfmScoringTieRule.SharedScore;

    /// <summary>Options for an analysis of the purchases up to <paramref name="calibrationEnd"/>.</summary>
    /// <param name="zone">The zone an instant purchase's day is read in.</param>
    /// <param name="calibrationEnd">The last day of the calibration period, inclusive; T of the model inputs is measured up to it.</param>
    /// <param name="timeUnit">The unit recency and T of the model inputs are expressed in: <see cref="CustomerSummaryTimeUnit.Day"/> or <see cref="CustomerSummaryTimeUnit.Week"/>.</param>
    /// <param name="observationEnd">The last day of a holdout period after the calibration end, inclusive, or <see langword="null"/> for none.</param>
    /// <param name="start">The first day read, inclusive, or <see langword="null"/> to read from the first purchase.</param>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is null.</exception>
    /// <exception cref="ArgumentException">A date is not in the ISO calendar.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="observationEnd"/> is not after <paramref name="calibrationEnd"/>, or <paramref name="start"/> is after it.</exception>
    public PurchaseAnalysisOptions(DateTimeZone zone, LocalDate calibrationEnd, CustomerSummaryTimeUnit timeUnit, LocalDate? observationEnd = null, LocalDate? start = null)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (start is { } first && first.Calendar != CalendarSystem.Iso)
        {
            throw new ArgumentException("The start must be in the ISO calendar.", nameof(start));
        }

        if (start is { } s && s > calibrationEnd)
        {
            throw new ArgumentOutOfRangeException(nameof(start), s, $"The start ({s:uuuu-MM-dd}) must not be after the calibration end ({calibrationEnd:uuuu-MM-dd}).");
        }

        Summary = new CustomerSummaryOptions(zone, calibrationEnd, timeUnit, observationEnd);
        Start = start;
        CalibrationWindow = PurchaseWindow.Between(start, calibrationEnd, zone);
    }

    /// <summary>The zone an instant purchase's day is read in.</summary>
    public DateTimeZone Zone => Summary.Zone;

    /// <summary>The last day of the calibration period, inclusive.</summary>
    public LocalDate CalibrationEnd => Summary.CalibrationEnd;

    /// <summary>The last day of the holdout period, inclusive, or <see langword="null"/> when there is none.</summary>
    public LocalDate? ObservationEnd => Summary.ObservationEnd;

    /// <summary>Whether a holdout period follows the calibration period.</summary>
    public bool HasHoldout => Summary.HasHoldout;

    /// <summary>The unit recency and T of the model inputs are expressed in.</summary>
    public CustomerSummaryTimeUnit TimeUnit => Summary.TimeUnit;

    /// <summary>The first day read, inclusive, or <see langword="null"/> to read from the first purchase.</summary>
    public LocalDate? Start { get; }

    /// <summary>The calibration period as a purchase window: <see cref="Start"/> (or open) to <see cref="CalibrationEnd"/>.</summary>
    public PurchaseWindow CalibrationWindow { get; }

    /// <summary>The same zone, calibration end, holdout and time unit as options of the per-customer summary (the model inputs).</summary>
    public CustomerSummaryOptions Summary { get; }

    /// <summary>N of the second-purchase conversion: the second purchase day must come at most this many days after the first (default 90).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int ConversionWindowDays
    {
        get => _conversionWindowDays;
        init
        {
            if (value < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(ConversionWindowDays), value, $"The conversion window must be at least 1 day (was {value}).");
            }

            _conversionWindowDays = value;
        }
    }

    /// <summary>The unit of the retention periods: IsoWeek, Month, Quarter (default) or Year.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is Custom or not a defined unit.</exception>
    public PeriodUnit RetentionPeriodUnit
    {
        get => _retentionPeriodUnit;
        init => _retentionPeriodUnit = CalendarUnit(value, nameof(RetentionPeriodUnit));
    }

    /// <summary>How long a purchase keeps a customer active for retention: whole years, months, weeks and days; <see langword="null"/> (default) for one retention period.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero, has a negative component or a time part.</exception>
    public Period? InactivityWindow
    {
        get => _inactivityWindow;
        init
        {
            if (value is not null && (value.HasTimeComponent || value.Years < 0 || value.Months < 0 || value.Weeks < 0 || value.Days < 0 || value.Equals(Period.Zero)))
            {
                throw new ArgumentOutOfRangeException(nameof(InactivityWindow), value, $"The inactivity window must be a positive number of years, months, weeks and days with no negative component and no time part (was {value}).");
            }

            _inactivityWindow = value;
        }
    }

    /// <summary>The inactivity window in force: <see cref="InactivityWindow"/>, or one <see cref="RetentionPeriodUnit"/>.</summary>
    public Period EffectiveInactivityWindow => _inactivityWindow ?? RetentionPeriodUnit switch
    {
        PeriodUnit.IsoWeek => Period.FromWeeks(1),
        PeriodUnit.Month => Period.FromMonths(1),
        PeriodUnit.Quarter => Period.FromMonths(3),
        _ => Period.FromYears(1),
    };

    /// <summary>The unit of the acquisition cohorts: IsoWeek, Month (default), Quarter or Year.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is Custom or not a defined unit.</exception>
    public PeriodUnit CohortUnit
    {
        get => _cohortUnit;
        init => _cohortUnit = CalendarUnit(value, nameof(CohortUnit));
    }

    /// <summary>The share of customers the Pareto figure is taken over, a fraction in (0, 1] (default 0.2: the top 20 %).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not in (0, 1].</exception>
    public double ParetoTopFraction
    {
        get => _paretoTopFraction;
        init
        {
            if (!(value > 0 && value <= 1))
            {
                throw new ArgumentOutOfRangeException(nameof(ParetoTopFraction), value, $"The Pareto top share must be a fraction greater than 0 and at most 1, e.g. 0.2 (was {value}).");
            }

            _paretoTopFraction = value;
        }
    }

    /// <summary>How equal values are scored in the RFM quintiles (default <see cref="RfmScoringTieRule.SharedScore"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined rule.</exception>
    public RfmScoringTieRule RfmTieRule
    {
        get => _rfmTieRule;
        init
        {
            if (!Enum.IsDefined(value))
            {
                throw new ArgumentOutOfRangeException(nameof(RfmTieRule), value, "The tie rule must be SharedScore or RankTiles.");
            }

            _rfmTieRule = value;
        }
    }

    internal bool SameAs(PurchaseAnalysisOptions other)
        => Summary.SameAs(other.Summary) && Start == other.Start && ConversionWindowDays == other.ConversionWindowDays
           && RetentionPeriodUnit == other.RetentionPeriodUnit && EffectiveInactivityWindow.Equals(other.EffectiveInactivityWindow)
           && CohortUnit == other.CohortUnit && ParetoTopFraction.Equals(other.ParetoTopFraction) && RfmTieRule == other.RfmTieRule;

    private static PeriodUnit CalendarUnit(PeriodUnit value, string name)
        => value is PeriodUnit.IsoWeek or PeriodUnit.Month or PeriodUnit.Quarter or PeriodUnit.Year
            ? value
            : throw new ArgumentOutOfRangeException(name, value, "The unit must be a calendar unit: IsoWeek, Month, Quarter or Year.");
}
