namespace Crm.Storage;

/// <summary>An optional store capability: reads a named version counter (<see cref="VersionCheck"/>), so a manager can guard a change set with the version it read.</summary>
/// <remarks>
/// Counters are advanced only by change sets (<see cref="ChangeSet.VersionChecks"/>); a counter never advanced reads 0.
/// A relational store keeps them in one table keyed by tenant and name. A store without this capability can still check
/// counters a manager obtained elsewhere (the referral graph version comes from <c>IReferralStore.GetGraphVersionAsync</c>);
/// the guards that need a read (for example a contact's referral-request counter) are then left out, and the package
/// documents what that gives.
/// </remarks>
public interface IVersionCounterStore
{
    /// <summary>The current version of the tenant's counter <paramref name="counter"/>, 0 when it was never advanced.</summary>
    /// <exception cref="ArgumentException">The tenant is empty or the name breaks the rule of <see cref="VersionCheck"/>.</exception>
    ValueTask<long> GetVersionAsync(TenantId tenantId, string counter, CancellationToken cancellationToken);
}
