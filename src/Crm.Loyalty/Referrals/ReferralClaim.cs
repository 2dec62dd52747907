namespace Crm.Loyalty.Referrals;

/// <summary>A claim that <see cref="ReferrerId"/> referred <see cref="RefereeId"/>, to attribute for the referral reward.</summary>
/// <remarks>The fingerprints are opaque values the host derives (a device id hash, a card fingerprint from its payment
/// provider); the package only compares them. They are never logged nor stored.</remarks>
public sealed record ReferralClaim
{
    /// <summary>Creates the claim.</summary>
    /// <exception cref="ArgumentException">An id is empty, or <paramref name="sourceKey"/> is not usable in an idempotency key.</exception>
    public ReferralClaim(ContactId refereeId, ContactId referrerId, string sourceKey)
    {
        ContactId.ThrowIfEmpty(refereeId);
        ContactId.ThrowIfEmpty(referrerId);
        Ledger.LedgerKeys.ValidatePart(sourceKey, nameof(sourceKey));
        RefereeId = refereeId;
        ReferrerId = referrerId;
        SourceKey = sourceKey;
    }

    /// <summary>The contact who was referred.</summary>
    public ContactId RefereeId { get; }

    /// <summary>The contact who referred them.</summary>
    public ContactId ReferrerId { get; }

    /// <summary>What the claim came from (for example the <c>ReferralRecorded</c> event id): a claim is decided once per source.</summary>
    public string SourceKey { get; }

    /// <summary>The referrer's device or payment fingerprints, if the host has them.</summary>
    public IReadOnlySet<string> ReferrerFingerprints { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The referee's device or payment fingerprints, if the host has them.</summary>
    public IReadOnlySet<string> RefereeFingerprints { get; init; } = new HashSet<string>(StringComparer.Ordinal);
}
