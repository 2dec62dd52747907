using Crm.Events;
using Crm.Interactions.Events;
using Crm.Loyalty.Program;
using Crm.Loyalty.Referrals;
using Microsoft.Extensions.Logging;

namespace Crm.Loyalty.Interactions;

/// <summary>Accrues a Crm.Interactions purchase on the buyer's ledger and records it for the referral reward; idempotent on the purchase id.</summary>
internal sealed class PurchaseRecordedListener(LoyaltyManager loyalty, ILogger<PurchaseRecordedListener> logger, ReferralRewardManager? referrals = null)
    : ICrmEventListener<PurchaseRecorded>
{
    /// <summary>The loyalty source type of purchases that come from Crm.Interactions.</summary>
    public const string SourceType = "interactions-purchase";

    /// <summary>The id of the one line an Interactions purchase earns on.</summary>
    public const string LineId = "total";

    public async ValueTask HandleAsync(PurchaseRecorded domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var tenant = domainEvent.TenantId;
        var purchaseId = domainEvent.PurchaseId.ToString();
        if (await PurchaseMember.ResolveAsync(loyalty, logger, tenant, domainEvent.ContactId, purchaseId, domainEvent.Currency, cancellationToken).ConfigureAwait(false) is not { } member)
        {
            return;
        }

        var amount = new Money(domainEvent.Amount, loyalty.Program.Currency);
        if (domainEvent.Amount > 0)
        {
            var purchase = new Purchase(purchaseId, domainEvent.PurchasedAt, [new PurchaseLine(LineId, amount)], SourceType);
            try
            {
                await loyalty.AccruePurchaseAsync(tenant, member, purchase, cancellationToken).ConfigureAwait(false);
            }
            catch (ProgramNotActiveException)
            {
                Log.PurchaseSkipped(logger, tenant, member, purchaseId, ProgramNotActiveException.ErrorCode);
            }
        }

        if (referrals is not null)
        {
            await referrals.RecordPurchaseAsync(tenant, member, SourceType, purchaseId, amount, domainEvent.PurchasedAt, cancellationToken).ConfigureAwait(false);
        }
    }
}
