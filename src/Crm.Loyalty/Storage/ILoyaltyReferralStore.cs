using Crm.Loyalty.Referrals;
using NodaTime;

namespace Crm.Loyalty.Storage;

/// <summary>An optional store capability for double-sided referral rewards: the referees' referrals and the rejected claims.</summary>
/// <remarks>The in-memory and EF Core loyalty stores implement it. The rewards themselves are ledger entries of
/// <see cref="ILoyaltyStore"/>, whose unique idempotency keys make a payment happen once.</remarks>
public interface ILoyaltyReferralStore
{
    /// <summary>The referral of <paramref name="refereeId"/> with its counter version, or <see langword="null"/>.</summary>
    ValueTask<LoyaltyReferral?> FindReferralAsync(TenantId tenantId, ContactId refereeId, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="count"/> qualified referrals whose return window ended at or before <paramref name="asOf"/>, soonest first.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is not between 1 and <see cref="Crm.Storage.PageRequest.MaxPageSize"/>.</exception>
    ValueTask<IReadOnlyList<LoyaltyReferral>> ListDueReferralsAsync(TenantId tenantId, Instant asOf, int count, CancellationToken cancellationToken);

    /// <summary>The rejected claims naming <paramref name="contactId"/> as referee or referrer, oldest first.</summary>
    ValueTask<IReadOnlyList<ReferralRejection>> ListReferralRejectionsAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken);

    /// <summary>The rejection recorded for the claim source <paramref name="sourceKey"/>, or <see langword="null"/>.</summary>
    ValueTask<ReferralRejection?> FindReferralRejectionAsync(TenantId tenantId, string sourceKey, CancellationToken cancellationToken);

    /// <summary>How many referral rewards (direct or up the chain, not the referee's own) <paramref name="referrerId"/> was paid in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    ValueTask<int> CountReferrerRewardsAsync(TenantId tenantId, ContactId referrerId, Instant from, Instant to, CancellationToken cancellationToken);

    /// <summary>Applies the change set atomically, or none of it.</summary>
    /// <exception cref="ConcurrencyConflictException">Nothing was written: a counter moved or the rejection's source is recorded already. Retryable.</exception>
    /// <exception cref="ArgumentException">A record is of another tenant; nothing was written.</exception>
    ValueTask SaveReferralAsync(TenantId tenantId, ReferralChangeSet changes, CancellationToken cancellationToken);
}
