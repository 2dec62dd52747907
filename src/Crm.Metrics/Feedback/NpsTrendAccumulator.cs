using Crm.Metrics.Periods;
using NodaTime;

namespace Crm.Metrics.Feedback;

/// <summary>Computes NPS per calendar period (week, month, quarter, year in a zone) in one pass; partials merge exactly.</summary>
/// <remarks>
/// An answer belongs to the period its instant falls in, read in the accumulator's zone. Memory is three counters per
/// period that has answers.
/// </remarks>
public sealed class NpsTrendAccumulator : IMetricAccumulator<NpsTrendAccumulator, NpsResponse, NpsTrend>
{
    private readonly Dictionary<LocalDate, long[]> _byPeriodStart = [];

    /// <summary>Creates an empty trend.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not a calendar unit, or the confidence level is not strictly between 0 and 1.</exception>
    public NpsTrendAccumulator(PeriodUnit unit, DateTimeZone zone, double confidenceLevel = 0.95)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (unit is not (PeriodUnit.IsoWeek or PeriodUnit.Month or PeriodUnit.Quarter or PeriodUnit.Year))
        {
            throw new ArgumentOutOfRangeException(nameof(unit), unit, "An NPS trend needs a calendar unit: IsoWeek, Month, Quarter or Year.");
        }

        SurveyScale.CheckConfidenceLevel(confidenceLevel, nameof(confidenceLevel));
        Unit = unit;
        Zone = zone;
        ConfidenceLevel = confidenceLevel;
    }

    /// <summary>The period unit.</summary>
    public PeriodUnit Unit { get; }

    /// <summary>The zone answers are dated in.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>The confidence level of each interval.</summary>
    public double ConfidenceLevel { get; }

    /// <inheritdoc />
    public void Add(NpsResponse item)
    {
        var key = PeriodStart(item.At.InZone(Zone).Date);
        if (!_byPeriodStart.TryGetValue(key, out var counts))
        {
            counts = new long[3];
            _byPeriodStart.Add(key, counts);
        }

        counts[(int)NpsAccumulator.Classify(item.Score) - 1]++;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="other"/> uses another unit, zone or confidence level.</exception>
    public void Merge(NpsTrendAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Unit != Unit || !other.Zone.Equals(Zone) || other.ConfidenceLevel != ConfidenceLevel)
        {
            throw new ArgumentException("Only trends with the same unit, zone and confidence level can be merged.", nameof(other));
        }

        foreach (var (key, theirs) in other._byPeriodStart.ToArray())
        {
            if (!_byPeriodStart.TryGetValue(key, out var mine))
            {
                mine = new long[3];
                _byPeriodStart.Add(key, mine);
            }

            for (var i = 0; i < 3; i++)
            {
                mine[i] += theirs[i];
            }
        }
    }

    /// <inheritdoc />
    public NpsTrend GetResult()
    {
        var overall = new NpsAccumulator(ConfidenceLevel);
        var points = new List<NpsTrendPoint>();
        if (_byPeriodStart.Count > 0)
        {
            var first = _byPeriodStart.Keys.Min();
            var last = _byPeriodStart.Keys.Max();
            for (var period = ReportingPeriod.Containing(first, Unit, Zone); period.Dates.Start <= last; period = period.Next())
            {
                var counts = _byPeriodStart.TryGetValue(period.Dates.Start, out var c) ? c : new long[3];
                overall.AddCounts(counts[2], counts[1], counts[0]);
                points.Add(new NpsTrendPoint(period, NpsResult.FromCounts(counts[2], counts[1], counts[0], ConfidenceLevel)));
            }
        }

        return new NpsTrend(points, overall.GetResult());
    }

    private LocalDate PeriodStart(LocalDate date) => Unit switch
    {
        PeriodUnit.IsoWeek => date.PlusDays(1 - (int)date.DayOfWeek),
        PeriodUnit.Month => new LocalDate(date.Year, date.Month, 1),
        PeriodUnit.Quarter => new LocalDate(date.Year, (((date.Month - 1) / 3) * 3) + 1, 1),
        _ => new LocalDate(date.Year, 1, 1),
    };
}
