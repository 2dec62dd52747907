using Crm.Contacts.Duplicates;
using Crm.Contacts.Merging;
using Crm.Contacts.Storage;

namespace Crm.Contacts.InMemory;

/// <summary>The duplicate-key index and merge history of the in-memory store.</summary>
public sealed partial class InMemoryContactStore : IContactDuplicateIndex, IContactMergeHistory
{
    /// <inheritdoc />
    public ValueTask<IReadOnlyList<DuplicateKeyMatch>> FindByDuplicateKeysAsync(TenantId tenantId, IReadOnlyCollection<DuplicateKey> keys, int limitPerKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentOutOfRangeException.ThrowIfLessThan(limitPerKey, 1);
        cancellationToken.ThrowIfCancellationRequested();
        var partition = Find(tenantId);
        var result = new List<DuplicateKeyMatch>(keys.Count);
        if (partition is null)
        {
            result.AddRange(keys.Select(k => new DuplicateKeyMatch(k, [], false)));
            return ValueTask.FromResult<IReadOnlyList<DuplicateKeyMatch>>(result);
        }

        lock (partition.Gate)
        {
            foreach (var key in keys)
            {
                if (key.IsEmpty)
                {
                    throw new ArgumentException("Duplicate keys must not contain default(DuplicateKey).", nameof(keys));
                }

                if (!partition.DuplicateIndex.TryGetValue(key, out var ids))
                {
                    result.Add(new DuplicateKeyMatch(key, [], false));
                    continue;
                }

                result.Add(new DuplicateKeyMatch(key, ids.Take(limitPerKey).ToArray(), ids.Count > limitPerKey));
            }
        }

        return ValueTask.FromResult<IReadOnlyList<DuplicateKeyMatch>>(result);
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<MergeRecord>> GetMergeHistoryAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken)
        => Read<ContactId, IReadOnlyList<MergeRecord>>(
            tenantId, contactId, static (partition, id) => partition.MergeRecordsByContact.TryGetValue(id, out var list) ? list.ToArray() : [], [], cancellationToken);
}
