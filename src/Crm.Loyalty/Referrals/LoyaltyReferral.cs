using NodaTime;

namespace Crm.Loyalty.Referrals;

/// <summary>A referee's referral as the loyalty package tracks it: who referred them, the first qualifying purchase and the reward's outcome.</summary>
/// <remarks>One per referee and tenant (attribution binds once). The points are a snapshot taken when the purchase
/// qualified, so the settlement pays what the program promised then, whatever the options say later.</remarks>
public sealed record LoyaltyReferral
{
    /// <summary>Creates the record.</summary>
    /// <exception cref="ArgumentException">The tenant or an id is empty, the source key is unusable, or referee and referrer are the same.</exception>
    public LoyaltyReferral(TenantId tenantId, ContactId refereeId, ContactId referrerId, Instant attributedAt, string sourceKey)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ContactId.ThrowIfEmpty(refereeId);
        ContactId.ThrowIfEmpty(referrerId);
        Ledger.LedgerKeys.ValidatePart(sourceKey, nameof(sourceKey));
        if (refereeId == referrerId)
        {
            throw new ArgumentException("A referee cannot be their own referrer.", nameof(referrerId));
        }

        TenantId = tenantId;
        RefereeId = refereeId;
        ReferrerId = referrerId;
        AttributedAt = attributedAt;
        SourceKey = sourceKey;
    }

    /// <summary>The tenant.</summary>
    public TenantId TenantId { get; }

    /// <summary>The contact who was referred.</summary>
    public ContactId RefereeId { get; }

    /// <summary>The contact who referred them.</summary>
    public ContactId ReferrerId { get; }

    /// <summary>When the attribution was bound.</summary>
    public Instant AttributedAt { get; }

    /// <summary>What the attribution came from (for example the <c>ReferralRecorded</c> event id).</summary>
    public string SourceKey { get; }

    /// <summary>Where the referral stands.</summary>
    public ReferralStatus Status { get; init; } = ReferralStatus.Attributed;

    /// <summary>The version of the referral's counter (<see cref="Storage.ReferralChangeSet.ReferralCounter"/>) the record was read at.</summary>
    public long Version { get; init; }

    /// <summary>The qualifying purchase's ledger source (<c>{sourceType}:{sourceId}</c>), once qualified.</summary>
    public string? PurchaseKey { get; init; }

    /// <summary>The qualifying purchase's amount, once qualified.</summary>
    public Money? PurchaseAmount { get; init; }

    /// <summary>When the qualifying purchase happened.</summary>
    public Instant? PurchasedAt { get; init; }

    /// <summary>When the purchase's return window ends: the rewards are due from then on.</summary>
    public Instant? EligibleAt { get; init; }

    /// <summary>The referee's reward, as promised when the purchase qualified.</summary>
    public long RefereePoints { get; init; }

    /// <summary>The referrer's reward, as promised when the purchase qualified.</summary>
    public long ReferrerPoints { get; init; }

    /// <summary>The rewards further up the chain, as promised when the purchase qualified: index 0 is the referrer's referrer (depth 2).</summary>
    public IReadOnlyList<long> ChainPoints { get; init; } = [];

    /// <summary>When the rewards were paid or the referral voided.</summary>
    public Instant? SettledAt { get; init; }
}
