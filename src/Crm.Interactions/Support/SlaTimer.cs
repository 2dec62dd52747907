using NodaTime;

namespace Crm.Interactions.Support;

/// <summary>The state of one SLA timer of a case at an instant: its target, when it is due, when it was met, and by how much it was missed.</summary>
/// <remarks>
/// Elapsed time counts only business hours (<see cref="BusinessCalendar"/>) while the case is <see cref="CaseStatus.Open"/>:
/// it stops while pending on the customer and once resolved. <see cref="DueAt"/> is <see langword="null"/> while the timer
/// is stopped (pending, or resolved) before its target ran out: it cannot be known until the case runs again.
/// </remarks>
public sealed class SlaTimer
{
    internal SlaTimer(SlaTimerKind kind, Duration target, Duration elapsed, Instant? dueAt, Instant? metAt, bool isPaused)
    {
        Kind = kind;
        Target = target;
        Elapsed = elapsed;
        DueAt = dueAt;
        MetAt = metAt;
        IsPaused = isPaused;
    }

    /// <summary>Which timer.</summary>
    public SlaTimerKind Kind { get; }

    /// <summary>The business time allowed.</summary>
    public Duration Target { get; }

    /// <summary>The business time counted so far (up to <see cref="MetAt"/> once met).</summary>
    public Duration Elapsed { get; }

    /// <summary>When the target runs (or ran) out, or <see langword="null"/> when the timer stopped before it ran out.</summary>
    public Instant? DueAt { get; }

    /// <summary>When the target was met (the first response, the resolution), or <see langword="null"/>.</summary>
    public Instant? MetAt { get; }

    /// <summary>Whether the timer is stopped while the case waits on the customer.</summary>
    public bool IsPaused { get; }

    /// <summary>Whether more business time than the target has elapsed.</summary>
    public bool IsBreached => Elapsed > Target;

    /// <summary>The business time beyond the target, or <see langword="null"/> when not breached.</summary>
    public Duration? MissedBy => IsBreached ? Elapsed - Target : null;

    /// <summary>The kind, elapsed and target time, and the state.</summary>
    public override string ToString() => $"{Kind}: {Elapsed} of {Target}{(MetAt is null ? string.Empty : " met")}{(IsBreached ? " BREACHED" : string.Empty)}{(IsPaused ? " paused" : string.Empty)}";
}
