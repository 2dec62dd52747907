using NodaTime;

namespace Crm.Contacts.Referrals;

/// <summary>A referral edge: <see cref="ReferrerId"/> brought <see cref="RefereeId"/> to the business.</summary>
/// <remarks>A contact has at most one referrer, never itself, and the edges never form a cycle.</remarks>
public sealed record Referral
{
    /// <summary>Creates a referral edge.</summary>
    /// <exception cref="ArgumentException">An id is empty, or the referee and the referrer are the same contact.</exception>
    public Referral(ContactId refereeId, ContactId referrerId, Instant referredAt, ReferralRequestId? requestId = null)
    {
        ContactId.ThrowIfEmpty(refereeId);
        ContactId.ThrowIfEmpty(referrerId);
        if (refereeId == referrerId)
        {
            throw new ArgumentException("A contact cannot refer itself: RefereeId and ReferrerId must differ.", nameof(referrerId));
        }

        RefereeId = refereeId;
        ReferrerId = referrerId;
        ReferredAt = referredAt;
        RequestId = requestId;
    }

    /// <summary>The contact who was referred.</summary>
    public ContactId RefereeId { get; }

    /// <summary>The contact who referred them.</summary>
    public ContactId ReferrerId { get; }

    /// <summary>When the referral was recorded.</summary>
    public Instant ReferredAt { get; }

    /// <summary>The referral request that led to this referral, when known.</summary>
    public ReferralRequestId? RequestId { get; }
}
