using NodaTime;

namespace Crm.Loyalty.Ledger;

/// <summary>One fact of a member's points ledger; entries are appended, never updated or deleted, and every balance is derived from them.</summary>
/// <remarks>
/// <see cref="Points"/> is the entry's effect on the member's total: positive for an earning or a credit, negative for a
/// redemption, an expiry or a clawback, zero for an activation (and for a clawback that wrote everything off). <see cref="IdempotencyKey"/> is unique in the tenant: a
/// command repeated with the same key returns this entry and writes nothing.
/// </remarks>
public sealed record LedgerEntry
{
    /// <summary>The longest reason code.</summary>
    public const int MaxReasonLength = 64;

    /// <summary>Checks an adjustment reason: a code of 1–<see cref="MaxReasonLength"/> printable ASCII characters without spaces, so the ledger never holds free text about a person.</summary>
    /// <exception cref="ArgumentException">The reason breaks the rule.</exception>
    public static string ValidateReason(string? reason, string paramName)
        => reason is { Length: > 0 and <= MaxReasonLength } && Crm.IdempotencyKey.TryParse(reason, out _)
            ? reason
            : throw new ArgumentException($"A reason is a code of 1 to {MaxReasonLength} printable ASCII characters without spaces (for example 'goodwill'), never free text.", paramName);

    /// <summary>Creates the entry.</summary>
    /// <exception cref="ArgumentException">An id or the tenant is empty, the key breaks the rule of <see cref="Crm.IdempotencyKey"/>, or the sign of <paramref name="points"/> does not fit <paramref name="kind"/>.</exception>
    public LedgerEntry(TenantId tenantId, LedgerEntryId id, ContactId contactId, LedgerEntryKind kind, long points, Instant recordedAt, string idempotencyKey)
    {
        TenantId.ThrowIfEmpty(tenantId);
        LedgerEntryId.ThrowIfEmpty(id);
        ContactId.ThrowIfEmpty(contactId);
        var signOk = kind switch
        {
            LedgerEntryKind.Earn => points > 0,
            LedgerEntryKind.Redeem or LedgerEntryKind.Expire => points < 0,
            LedgerEntryKind.Adjust => points != 0,
            LedgerEntryKind.Reverse => true,
            LedgerEntryKind.Activate => points == 0,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown ledger entry kind."),
        };
        if (!signOk)
        {
            throw new ArgumentException($"A {kind} entry cannot move {points} points.", nameof(points));
        }

        TenantId = tenantId;
        Id = id;
        ContactId = contactId;
        Kind = kind;
        Points = points;
        RecordedAt = recordedAt;
        IdempotencyKey = Crm.IdempotencyKey.Validate(idempotencyKey, nameof(idempotencyKey));
    }

    /// <summary>The tenant.</summary>
    public TenantId TenantId { get; }

    /// <summary>The entry's id (also the id of the lot it created, if any).</summary>
    public LedgerEntryId Id { get; }

    /// <summary>The member.</summary>
    public ContactId ContactId { get; }

    /// <summary>What the entry records.</summary>
    public LedgerEntryKind Kind { get; }

    /// <summary>The entry's effect on the member's total balance.</summary>
    public long Points { get; }

    /// <summary>When the entry was recorded (from the injected clock, or the as-of instant of an expiry or activation).</summary>
    public Instant RecordedAt { get; }

    /// <summary>The key derived from the command's source; unique in the tenant.</summary>
    public string IdempotencyKey { get; }

    /// <summary>The rules, rates and tier used (earnings and their reversals), or <see langword="null"/>.</summary>
    public EarningSnapshot? Snapshot { get; init; }

    /// <summary>The entry this one reverses, or <see langword="null"/>.</summary>
    public LedgerEntryId? ReversesEntryId { get; init; }

    /// <summary>The lot an expiry or activation entry concerns, or <see langword="null"/>.</summary>
    public LedgerEntryId? LotId { get; init; }

    /// <summary>The catalog reward a redemption paid for, or <see langword="null"/>.</summary>
    public string? RewardId { get; init; }

    /// <summary>The reason code of an adjustment (for example <c>goodwill</c>), or <see langword="null"/>; a code, never free text (<see cref="ValidateReason"/>).</summary>
    public string? Reason { get; init; }

    /// <summary>Points a reversal under <see cref="DebtPolicy.ClampAtZero"/> could not take back and wrote off.</summary>
    public long WrittenOff { get; init; }
}
