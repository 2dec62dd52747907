namespace Crm.Storage;

/// <summary>An optional store capability: draws the next number of a named per-tenant sequence in one atomic step, so concurrent writers never retry for a number.</summary>
/// <remarks>
/// A sequence is a version counter (<see cref="IVersionCounterStore"/>): it follows the naming rule of
/// <see cref="VersionCheck"/>, shares its storage, and <see cref="IVersionCounterStore.GetVersionAsync"/> reads the last
/// number drawn (0 before the first). Like a database sequence, a drawn number is never reused: a number whose save later
/// fails, or is never saved, is burnt and leaves a gap, never a duplicate. A relational store advances the counter row in
/// one statement (inside the host's open transaction, otherwise in its own short one), so the row is locked only for that
/// statement, not for the save that follows.
/// </remarks>
public interface ISequenceStore
{
    /// <summary>Advances the tenant's sequence <paramref name="sequence"/> by one and returns the new value (1 for the first draw).</summary>
    /// <exception cref="ArgumentException">The tenant is empty or the name breaks the rule of <see cref="VersionCheck"/>.</exception>
    ValueTask<long> NextAsync(TenantId tenantId, string sequence, CancellationToken cancellationToken);
}
