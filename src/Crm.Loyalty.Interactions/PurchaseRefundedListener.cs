using System.Globalization;
using Crm.Events;
using Crm.Interactions.Events;
using Crm.Loyalty.Program;
using Crm.Loyalty.Referrals;
using Microsoft.Extensions.Logging;

namespace Crm.Loyalty.Interactions;

/// <summary>Takes back the points of a Crm.Interactions refund pro rata and voids a referral reward the refund disqualifies; idempotent on the purchase and the refund's number.</summary>
internal sealed class PurchaseRefundedListener(LoyaltyManager loyalty, ILogger<PurchaseRefundedListener> logger, ReferralRewardManager? referrals = null)
    : ICrmEventListener<PurchaseRefunded>
{
    public async ValueTask HandleAsync(PurchaseRefunded domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var tenant = domainEvent.TenantId;
        var purchaseId = domainEvent.PurchaseId.ToString();
        if (await PurchaseMember.ResolveAsync(loyalty, logger, tenant, domainEvent.ContactId, purchaseId, domainEvent.Currency, cancellationToken).ConfigureAwait(false) is not { } member)
        {
            return;
        }

        var currency = loyalty.Program.Currency;
        var refundId = domainEvent.RefundNumber.ToString(CultureInfo.InvariantCulture);
        var refund = new PurchaseRefund(purchaseId, refundId, [new RefundLine(PurchaseRecordedListener.LineId, new Money(domainEvent.Amount, currency))], PurchaseRecordedListener.SourceType);
        await loyalty.RefundAsync(tenant, member, refund, cancellationToken).ConfigureAwait(false);
        if (referrals is not null)
        {
            await referrals.RecordRefundAsync(tenant, member, PurchaseRecordedListener.SourceType, purchaseId, new Money(domainEvent.RemainingAmount, currency), domainEvent.OccurredAt, cancellationToken).ConfigureAwait(false);
        }
    }
}
