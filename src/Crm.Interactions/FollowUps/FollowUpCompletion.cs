using NodaTime;

namespace Crm.Interactions.FollowUps;

/// <summary>How a follow-up was completed: the outcome, an optional note, and the key that makes the command safe to repeat.</summary>
public sealed record FollowUpCompletion
{
    /// <summary>What came of it (required).</summary>
    public FollowUpOutcome Outcome { get; init; }

    /// <summary>The agent's note (at most 4,000 characters); kept on the follow-up and on the timeline entry.</summary>
    public string? Note { get; init; }

    /// <summary>Through which channel the contact was tried (default <see cref="InteractionChannel.Phone"/>).</summary>
    public InteractionChannel Channel { get; init; } = InteractionChannel.Phone;

    /// <summary>When; <see langword="null"/> means now. Not in the future, not before the follow-up was created.</summary>
    public Instant? CompletedAt { get; init; }

    /// <summary>Who completed it; <see langword="null"/> means the assignee.</summary>
    public TeamMemberId? CompletedBy { get; init; }

    /// <summary>Whether a <see cref="FollowUpChainMode.Create"/> rule creates the next follow-up (default); <see langword="false"/> only suggests it.</summary>
    public bool ApplyChaining { get; init; } = true;

    /// <summary>Makes the command safe to repeat: a second completion with the same key returns the first one's result and writes nothing.</summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>The outcome and instant; never the note or the key.</summary>
    public override string ToString() => $"FollowUpCompletion {Outcome}{(CompletedAt is { } at ? $" at {at}" : "")}";
}
