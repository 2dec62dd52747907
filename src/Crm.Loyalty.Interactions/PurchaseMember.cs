using Microsoft.Extensions.Logging;

namespace Crm.Loyalty.Interactions;

/// <summary>What both purchase listeners decide first: whose ledger the event belongs to, and whether it is in the program's currency.</summary>
internal static class PurchaseMember
{
    /// <summary>The member whose ledger holds the buyer's points (the survivor after a merge), or <see langword="null"/> (logged) when the currency is not the program's.</summary>
    public static async Task<ContactId?> ResolveAsync(LoyaltyManager loyalty, ILogger logger, TenantId tenantId, ContactId buyer, string purchaseId, string currency, CancellationToken cancellationToken)
    {
        var member = await loyalty.ResolveMemberAsync(tenantId, buyer, cancellationToken).ConfigureAwait(false);
        if (string.Equals(currency, loyalty.Program.Currency.ToString(), StringComparison.Ordinal))
        {
            return member;
        }

        Log.PurchaseSkipped(logger, tenantId, member, purchaseId, "currency");
        return null;
    }
}
