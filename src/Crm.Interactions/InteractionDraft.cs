using NodaTime;

namespace Crm.Interactions;

/// <summary>What <see cref="InteractionManager.RecordAsync"/> records: one call, e-mail, meeting, message, note or follow-up outcome.</summary>
/// <remarks>
/// Purchases, refunds, contracts, case events and feedback are recorded by their own managers, which write their
/// timeline entries themselves. A <see cref="InteractionKind.Message"/> needs the channel <see cref="InteractionChannel.Sms"/>,
/// <see cref="InteractionChannel.Chat"/> or <see cref="InteractionChannel.Social"/>.
/// </remarks>
public sealed record InteractionDraft
{
    /// <summary>The contact the interaction was with (required).</summary>
    public ContactId ContactId { get; init; }

    /// <summary>The kind (required): <see cref="InteractionKind.Call"/>, <see cref="InteractionKind.Email"/>, <see cref="InteractionKind.Meeting"/>, <see cref="InteractionKind.Message"/>, <see cref="InteractionKind.Note"/> or <see cref="InteractionKind.FollowUpOutcome"/>.</summary>
    public InteractionKind Kind { get; init; }

    /// <summary>The channel (default <see cref="InteractionChannel.None"/>).</summary>
    public InteractionChannel Channel { get; init; }

    /// <summary>Who started it (default <see cref="InteractionDirection.Internal"/>).</summary>
    public InteractionDirection Direction { get; init; } = InteractionDirection.Internal;

    /// <summary>When it happened; <see langword="null"/> means now. It must not lie in the future.</summary>
    public Instant? OccurredAt { get; init; }

    /// <summary>The team member involved.</summary>
    public TeamMemberId? TeamMember { get; init; }

    /// <summary>A short description (at most 4,000 characters; line breaks allowed).</summary>
    public string? Summary { get; init; }

    /// <summary>A support case the interaction belongs to; an inbound interaction linked to an unresolved case counts as one more contact until resolution.</summary>
    public Support.CaseId? Case { get; init; }

    /// <summary>The host's order number the interaction is about.</summary>
    public string? OrderReference { get; init; }

    /// <summary>Makes the command safe to repeat: a second call with the same key returns the first call's interaction and records nothing (see <see cref="Crm.IdempotencyKey"/> for the rule).</summary>
    public string? IdempotencyKey { get; init; }
}
