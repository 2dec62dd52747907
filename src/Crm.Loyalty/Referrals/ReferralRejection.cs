using NodaTime;

namespace Crm.Loyalty.Referrals;

/// <summary>A referral claim that was rejected, with its reason; stored once per claim source and queryable.</summary>
public sealed record ReferralRejection
{
    /// <summary>Creates the record.</summary>
    /// <exception cref="ArgumentException">The tenant or an id is empty, or the source key or code breaks its rule.</exception>
    public ReferralRejection(TenantId tenantId, ContactId refereeId, ContactId referrerId, string sourceKey, string code, Instant rejectedAt)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ContactId.ThrowIfEmpty(refereeId);
        ContactId.ThrowIfEmpty(referrerId);
        Ledger.LedgerKeys.ValidatePart(sourceKey, nameof(sourceKey));
        TenantId = tenantId;
        RefereeId = refereeId;
        ReferrerId = referrerId;
        SourceKey = sourceKey;
        Code = ReferralRejectionCodes.Validate(code, nameof(code));
        RejectedAt = rejectedAt;
    }

    /// <summary>The tenant.</summary>
    public TenantId TenantId { get; }

    /// <summary>The contact the claim said was referred.</summary>
    public ContactId RefereeId { get; }

    /// <summary>The contact the claim named as referrer.</summary>
    public ContactId ReferrerId { get; }

    /// <summary>The claim's source (unique per tenant: a redelivered claim is not recorded twice).</summary>
    public string SourceKey { get; }

    /// <summary>Why: a <see cref="ReferralRejectionCodes"/> code or a host check's own.</summary>
    public string Code { get; }

    /// <summary>When the claim was rejected.</summary>
    public Instant RejectedAt { get; }
}
