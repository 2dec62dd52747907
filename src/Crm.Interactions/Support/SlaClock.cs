using NodaTime;

namespace Crm.Interactions.Support;

/// <summary>Computes a case's SLA timers from its status history, its targets and a business calendar.</summary>
/// <remarks>
/// The clock runs in the segments where the case is <see cref="CaseStatus.Open"/> (from entering open to the next status
/// change), so it pauses while pending and stops at resolution; a reopen starts a new segment. Elapsed(t) is the sum of
/// <see cref="BusinessCalendar.BusinessTimeBetween"/> over those segments up to t; the timer is due at the instant where
/// Elapsed reaches the target.
/// </remarks>
internal static class SlaClock
{
    public static CaseSla Compute(SupportCase supportCase, SlaTargets targets, BusinessCalendar calendar, Instant asOf)
    {
        var history = supportCase.StatusHistory.Where(c => c.At <= asOf).ToList();
        var segments = new List<(Instant Start, Instant? End)>();
        for (var i = 0; i < history.Count; i++)
        {
            if (history[i].Status == CaseStatus.Open)
            {
                segments.Add((history[i].At, i + 1 < history.Count ? history[i + 1].At : null));
            }
        }

        var current = history.Count == 0 ? CaseStatus.Open : history[^1].Status;
        var resolvedAt = current is CaseStatus.Resolved or CaseStatus.Closed ? supportCase.ResolvedAt : null;
        var firstResponseAt = supportCase.FirstResponseAt is { } f && f <= asOf ? f : (Instant?)null;
        var paused = current == CaseStatus.Pending;
        return new CaseSla(
            Timer(SlaTimerKind.FirstResponse, targets.FirstResponse, firstResponseAt, segments, calendar, asOf, paused),
            Timer(SlaTimerKind.Resolution, targets.Resolution, resolvedAt, segments, calendar, asOf, paused));
    }

    private static SlaTimer Timer(SlaTimerKind kind, Duration target, Instant? metAt, List<(Instant Start, Instant? End)> segments, BusinessCalendar calendar, Instant asOf, bool paused)
    {
        var until = metAt ?? asOf;
        var elapsed = Duration.Zero;
        foreach (var (start, end) in segments)
        {
            var stop = end is { } e && e < until ? e : until;
            elapsed += calendar.BusinessTimeBetween(start, stop);
        }

        Instant? due = null;
        var remaining = target;
        foreach (var (start, end) in segments)
        {
            if (end is null)
            {
                due = calendar.AddBusinessTime(start, remaining);
                break;
            }

            var length = calendar.BusinessTimeBetween(start, end.Value);
            if (remaining <= length)
            {
                due = calendar.AddBusinessTime(start, remaining);
                break;
            }

            remaining -= length;
        }

        return new SlaTimer(kind, target, elapsed, due, metAt, paused && metAt is null);
    }
}
