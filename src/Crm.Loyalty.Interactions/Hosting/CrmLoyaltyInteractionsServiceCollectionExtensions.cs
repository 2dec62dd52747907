using Crm.Interactions.Events;
using Crm.Loyalty.Interactions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Connects Crm.Loyalty to Crm.Interactions' purchase events.</summary>
public static class CrmLoyaltyInteractionsServiceCollectionExtensions
{
    /// <summary>Registers the listeners that accrue <c>PurchaseRecorded</c> and claw back <c>PurchaseRefunded</c> on the loyalty ledger, and feed referral rewards when <c>AddLoyaltyReferralRewards()</c> was called.</summary>
    /// <remarks>Call with <c>AddInteractions()</c> and <c>AddLoyalty()</c>. Both listeners are idempotent on the purchase
    /// id and the refund's number: a redelivered event changes nothing.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static CrmBuilder AddLoyaltyInteractions(this CrmBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .AddEventListener<PurchaseRecorded, PurchaseRecordedListener>()
            .AddEventListener<PurchaseRefunded, PurchaseRefundedListener>();
    }
}
