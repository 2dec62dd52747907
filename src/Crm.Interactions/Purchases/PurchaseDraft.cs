using NodaTime;

namespace Crm.Interactions.Purchases;

/// <summary>What <see cref="PurchaseManager.RecordPurchaseAsync"/> records.</summary>
public sealed record PurchaseDraft
{
    /// <summary>The buyer (required).</summary>
    public ContactId ContactId { get; init; }

    /// <summary>What was paid (required; not negative, with an ISO 4217 currency).</summary>
    public Money Amount { get; init; }

    /// <summary>When the purchase happened; <see langword="null"/> means now. Not in the future.</summary>
    public Instant? OccurredAt { get; init; }

    /// <summary>The host's order number.</summary>
    public string? OrderReference { get; init; }

    /// <summary>The lines, if the host has them.</summary>
    public IReadOnlyList<PurchaseLine> Lines { get; init; } = [];

    /// <summary>The channel it was bought through (default <see cref="InteractionChannel.Web"/>).</summary>
    public InteractionChannel Channel { get; init; } = InteractionChannel.Web;

    /// <summary>The team member who sold it, if any.</summary>
    public TeamMemberId? TeamMember { get; init; }

    /// <summary>Makes the command safe to repeat: a redelivered order webhook records the purchase once.</summary>
    public string? IdempotencyKey { get; init; }
}
