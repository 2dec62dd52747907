using Crm.Metrics.Periods;
using Crm.Metrics.Repeat;
using Crm.Metrics.Retention;
using Crm.Metrics.Rfm;
using NodaTime;

namespace Crm.Metrics.Analysis;

/// <summary>Counts S, N, E and |S ∩ E| of every retention period at once from each customer's distinct calibration days.</summary>
/// <remarks>
/// Each purchase day d counts as a purchase at the start of d in the zone, active until (that local time + W) resolved
/// leniently in the zone: the arithmetic of <see cref="ActivityRetentionAccumulator{TCustomer}"/>, computed once per day.
/// </remarks>
internal sealed class PeriodRetentionTally
{
    private readonly ReportingPeriod[] _periods;
    private readonly bool[] _complete;
    private readonly int[] _firstDays;
    private readonly int[] _lastDays;
    private readonly Instant[] _starts;
    private readonly Instant[] _ends;
    private readonly Instant[] _expiry;
    private readonly int _expiryFrom;
    private readonly long[] _s;
    private readonly long[] _n;
    private readonly long[] _e;
    private readonly long[] _retained;

    private PeriodRetentionTally(PurchaseAnalysisOptions options, LocalDate first)
    {
        var zone = options.Zone;
        var periods = new List<(ReportingPeriod Period, bool Complete)>();
        var period = ReportingPeriod.Containing(first, options.RetentionPeriodUnit, zone);
        while (period.Dates.Start <= options.CalibrationEnd)
        {
            var from = options.Start is { } start && period.Dates.Start < start ? start : period.Dates.Start;
            var to = period.Dates.End > options.CalibrationEnd ? options.CalibrationEnd : period.Dates.End;
            var whole = from == period.Dates.Start && to == period.Dates.End;
            periods.Add((whole ? period : ReportingPeriod.Custom(from, to, zone), whole));
            period = period.Next();
        }

        _periods = [.. periods.Select(p => p.Period)];
        _complete = [.. periods.Select(p => p.Complete)];
        _firstDays = [.. _periods.Select(p => LocalDays.FromDate(p.Dates.Start))];
        _lastDays = [.. _periods.Select(p => LocalDays.FromDate(p.Dates.End))];
        _starts = [.. _periods.Select(p => p.Interval.Start)];
        _ends = [.. _periods.Select(p => p.Interval.End)];
        _s = new long[_periods.Length];
        _n = new long[_periods.Length];
        _e = new long[_periods.Length];
        _retained = new long[_periods.Length];

        var window = options.EffectiveInactivityWindow;
        _expiryFrom = LocalDays.FromDate(first);
        _expiry = new Instant[_lastDays[^1] - _expiryFrom + 1];
        for (var i = 0; i < _expiry.Length; i++)
        {
            var at = LocalDays.ToDate(_expiryFrom + i).AtStartOfDayInZone(zone).ToInstant();
            _expiry[i] = (at.InZone(zone).LocalDateTime + window).InZoneLeniently(zone).ToInstant();
        }
    }

    /// <summary>The retention of every period from the one holding <paramref name="first"/> (cut at the options' start when there is one) to the one holding the calibration end (cut there), or none when <paramref name="first"/> is null (no customers).</summary>
    public static IReadOnlyList<PeriodRetention> Compute<TCustomer>(PurchaseAnalysisOptions options, CustomerSummaryBuilder<TCustomer> customers, LocalDate? first)
        where TCustomer : notnull
    {
        if (first is not { } day)
        {
            return [];
        }

        var tally = new PeriodRetentionTally(options, day);
        customers.VisitCalibrationDays((_, days) => tally.Add(days));
        var rows = new PeriodRetention[tally._periods.Length];
        for (var j = 0; j < rows.Length; j++)
        {
            rows[j] = new PeriodRetention(tally._periods[j], tally._complete[j], RetentionResult.Create(tally._s[j], tally._n[j], tally._e[j], tally._retained[j]));
        }

        return rows;
    }

    // One customer's distinct days, ascending; the periods are contiguous, so one walk over the days serves them all.
    private void Add(ReadOnlySpan<int> days)
    {
        var next = 0;
        for (var j = 0; j < _periods.Length; j++)
        {
            while (next < days.Length && days[next] < _firstDays[j])
            {
                next++;
            }

            var beforeStart = next;
            while (next < days.Length && days[next] <= _lastDays[j])
            {
                next++;
            }

            if (next == 0)
            {
                continue; // no purchase before the period's end: not a customer yet
            }

            var atStart = beforeStart > 0 && _expiry[days[beforeStart - 1] - _expiryFrom] > _starts[j];
            var atEnd = _expiry[days[next - 1] - _expiryFrom] > _ends[j];
            if (atStart)
            {
                _s[j]++;
            }
            else if (next > beforeStart)
            {
                _n[j]++;
            }

            if (atEnd)
            {
                _e[j]++;
                if (atStart)
                {
                    _retained[j]++;
                }
            }
        }
    }
}
