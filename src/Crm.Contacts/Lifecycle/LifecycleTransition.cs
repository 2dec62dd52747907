using NodaTime;

namespace Crm.Contacts.Lifecycle;

/// <summary>One entry of a contact's append-only lifecycle log: the contact entered <see cref="To"/> at <see cref="At"/>.</summary>
/// <remarks>The first entry of every contact has no <see cref="From"/>: it records the stage the contact was created in.</remarks>
public sealed class LifecycleTransition
{
    /// <summary>Creates a log entry.</summary>
    /// <exception cref="ArgumentException">A move to <see cref="LifecycleStage.Churned"/> has no reason, or another move has one.</exception>
    public LifecycleTransition(LifecycleStage? from, LifecycleStage to, Instant at, ChurnReason? reason = null)
    {
        if (to == LifecycleStage.Churned && (reason is null || reason.Value.IsEmpty))
        {
            throw new ArgumentException("A ChurnReason is required when a contact moves to Churned.", nameof(reason));
        }

        if (to != LifecycleStage.Churned && reason is not null)
        {
            throw new ArgumentException($"A ChurnReason is only recorded with a move to Churned (not {to}).", nameof(reason));
        }

        From = from;
        To = to;
        At = at;
        Reason = reason;
    }

    /// <summary>The stage left, or <see langword="null"/> for the stage the contact was created in.</summary>
    public LifecycleStage? From { get; }

    /// <summary>The stage entered.</summary>
    public LifecycleStage To { get; }

    /// <summary>When the stage was entered, from the injected clock.</summary>
    public Instant At { get; }

    /// <summary>Why the contact churned; set only on moves to <see cref="LifecycleStage.Churned"/>.</summary>
    public ChurnReason? Reason { get; }

    /// <summary>The move and its time, e.g. <c>Lead → Customer at 2025-03-01T12:00:00Z</c>.</summary>
    public override string ToString() => $"{(From is { } from ? from.ToString() : "(start)")} → {To} at {At}{(Reason is { } reason ? $" ({reason})" : string.Empty)}";
}
