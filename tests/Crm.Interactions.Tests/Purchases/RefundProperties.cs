using Crm.Interactions.Purchases;
using Crm.Interactions.Tests.TestSupport;
using FsCheck.Xunit;

namespace Crm.Interactions.Tests.Purchases;

/// <summary>A purchase's ledger of refunds reconciles under any sequence of refund requests.</summary>
public sealed class RefundProperties
{
    [Property(MaxTest = 100)]
    public bool AnyRefundSequence_AcceptsExactlyWhatFits_AndReconciles(byte total, byte[] requests)
    {
        var h = new Harness();
        var amount = total / 4m;
        var purchase = h.Purchases.RecordPurchaseAsync(Harness.Tenant, new PurchaseDraft { ContactId = ContactId.New(), Amount = Harness.Eur(amount) }).GetAwaiter().GetResult();
        var left = amount;
        foreach (var request in requests.Take(12).Select(static r => (r + 1) / 8m))
        {
            bool accepted;
            try
            {
                purchase = h.Purchases.RefundAsync(Harness.Tenant, purchase.Id, request).GetAwaiter().GetResult();
                accepted = true;
            }
            catch (RefundExceedsRemainingException)
            {
                accepted = false;
            }

            if (accepted != (request <= left))
            {
                return false;
            }

            left -= accepted ? request : 0m;
        }

        var stored = h.Purchases.FindPurchaseAsync(Harness.Tenant, purchase.Id).GetAwaiter().GetResult()!;
        return stored.RemainingAmount == left && stored.RefundedAmount + stored.RemainingAmount == amount && stored.RemainingAmount >= 0
            && stored.Refunds.Select(static r => r.Number).SequenceEqual(Enumerable.Range(1, stored.Refunds.Count));
    }
}
