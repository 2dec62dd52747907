using NodaTime;

namespace Crm.Interactions.Purchases;

/// <summary>What <see cref="PurchaseManager.RecordContractAsync"/> records: an active contract or subscription.</summary>
public sealed record ContractDraft
{
    /// <summary>The customer (required).</summary>
    public ContactId ContactId { get; init; }

    /// <summary>The plan or product name.</summary>
    public string? Plan { get; init; }

    /// <summary>When it starts (required; may be in the future for a signed contract that starts later).</summary>
    public Instant Start { get; init; }

    /// <summary>The planned end, or <see langword="null"/> for open-ended.</summary>
    public Instant? End { get; init; }

    /// <summary>The team member who signed it up, if any.</summary>
    public TeamMemberId? TeamMember { get; init; }

    /// <summary>Makes the command safe to repeat.</summary>
    public string? IdempotencyKey { get; init; }
}
