using Crm.Contacts.Events;
using Crm.Events;
using Crm.Loyalty.Referrals;

namespace Crm.Loyalty.Integration;

/// <summary>Attributes a referral for the referral reward when Crm.Contacts reports <see cref="ReferralRecorded"/>; registered by <c>AddLoyaltyReferralRewards()</c>.</summary>
/// <remarks>Idempotent on the event id: the claim's source key is <c>contacts-referral-{eventId}</c>, and a claim is decided once per source.</remarks>
internal sealed class LoyaltyReferralRecordedListener(ReferralRewardManager referrals) : ICrmEventListener<ReferralRecorded>
{
    public async ValueTask HandleAsync(ReferralRecorded domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var claim = new ReferralClaim(domainEvent.RefereeId, domainEvent.ReferrerId, $"contacts-referral-{domainEvent.EventId}");
        await referrals.AttributeAsync(domainEvent.TenantId, claim, cancellationToken).ConfigureAwait(false);
    }
}
