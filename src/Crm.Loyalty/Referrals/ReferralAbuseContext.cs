using Crm.Contacts;

namespace Crm.Loyalty.Referrals;

/// <summary>What an <see cref="IReferralAbuseCheck"/> sees of a claim: the claim, both contacts and the referrer's chain in the Crm.Contacts referral graph.</summary>
public sealed record ReferralAbuseContext
{
    /// <summary>Creates the context.</summary>
    /// <exception cref="ArgumentException">The tenant is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="claim"/> or <paramref name="referrerAncestors"/> is null.</exception>
    public ReferralAbuseContext(TenantId tenantId, ReferralClaim claim, Contact? referrer, Contact? referee, IReadOnlyList<ContactId> referrerAncestors)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(referrerAncestors);
        TenantId = tenantId;
        Claim = claim;
        Referrer = referrer;
        Referee = referee;
        ReferrerAncestors = referrerAncestors;
    }

    /// <summary>The tenant.</summary>
    public TenantId TenantId { get; }

    /// <summary>The claim.</summary>
    public ReferralClaim Claim { get; }

    /// <summary>The referrer's contact record, or <see langword="null"/> when the contact store does not know it.</summary>
    public Contact? Referrer { get; }

    /// <summary>The referee's contact record, or <see langword="null"/> when the contact store does not know it.</summary>
    public Contact? Referee { get; }

    /// <summary>Who referred the referrer, and who referred them, up to the root (the Crm.Contacts graph, nearest first).</summary>
    public IReadOnlyList<ContactId> ReferrerAncestors { get; }
}
