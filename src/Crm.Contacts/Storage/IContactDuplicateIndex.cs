using Crm.Contacts.Duplicates;

namespace Crm.Contacts.Storage;

/// <summary>An optional store capability: finds active contacts by normalized duplicate keys. Required when <see cref="DuplicateOptions.Enabled"/> is set.</summary>
/// <remarks>
/// A store indexes every key <see cref="DuplicateKeys.For(Contact)"/> returns for each <see cref="ContactStatus.Active"/>
/// contact, updated in the same transaction as the contact, and drops the keys of contacts that are merged or erased. The
/// managers re-check every candidate against the contact itself, so an index may over-approximate but must not miss.
/// </remarks>
public interface IContactDuplicateIndex
{
    /// <summary>For each key, the active contacts of the tenant that have it: at most <paramref name="limitPerKey"/> ids, with a flag when there are more.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="keys">The keys to look up (distinct).</param>
    /// <param name="limitPerKey">The most ids to return per key (at least 1).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One entry per key asked for, in the order asked.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limitPerKey"/> is less than 1.</exception>
    ValueTask<IReadOnlyList<DuplicateKeyMatch>> FindByDuplicateKeysAsync(TenantId tenantId, IReadOnlyCollection<DuplicateKey> keys, int limitPerKey, CancellationToken cancellationToken);
}
