using NodaTime;

namespace Crm.Samples.RetentionReport.Generation;

/// <summary>A generated customer base: customers in order of acquisition, who referred whom, and every purchase.</summary>
/// <param name="Customers">The customers, earliest acquired first.</param>
/// <param name="Purchases">Every purchase, in time order.</param>
/// <param name="FirstDay">The first day customers were acquired on (UTC).</param>
/// <param name="AsOf">The last day observed (UTC).</param>
internal sealed record CustomerBase(IReadOnlyList<GeneratedCustomer> Customers, IReadOnlyList<GeneratedPurchase> Purchases, LocalDate FirstDay, LocalDate AsOf)
{
    /// <summary>How many customers were referred by another.</summary>
    public int Referrals => Customers.Count(c => c.ReferredBy is not null);
}
