using Crm.Contacts.Duplicates;
using Crm.Contacts.Merging;
using Crm.Contacts.Storage;
using Crm.EntityFrameworkCore.Entities;
using Microsoft.EntityFrameworkCore;

namespace Crm.EntityFrameworkCore.Storage;

public sealed partial class EfContactStore<TContext> : IContactDuplicateIndex, IContactMergeHistory
{
    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<DuplicateKeyMatch>> FindByDuplicateKeysAsync(
        TenantId tenantId, IReadOnlyCollection<DuplicateKey> keys, int limitPerKey, CancellationToken cancellationToken)
    {
        var scope = Open();
        await using var scopeDisposal = scope.ConfigureAwait(false);
        var db = scope.Db;
        TenantId.ThrowIfEmpty(tenantId);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentOutOfRangeException.ThrowIfLessThan(limitPerKey, 1);
        var matches = new List<DuplicateKeyMatch>(keys.Count);
        foreach (var key in keys)
        {
            var (criterion, value) = (key.Criterion.Name, key.Value);
            var ids = await db.Set<DuplicateKeyRow>().AsNoTracking()
                .Where(r => r.TenantId == tenantId && r.Criterion == criterion && r.Value == value)
                .OrderBy(r => r.ContactId)
                .Select(r => r.ContactId)
                .Take(limitPerKey + 1)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            matches.Add(new DuplicateKeyMatch(key, [.. ids.Take(limitPerKey)], ids.Count > limitPerKey));
        }

        return matches;
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<MergeRecord>> GetMergeHistoryAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken)
    {
        var scope = Open();
        await using var scopeDisposal = scope.ConfigureAwait(false);
        var db = scope.Db;
        TenantId.ThrowIfEmpty(tenantId);
        var documents = await db.Set<MergeMemberRow>().AsNoTracking()
            .Where(m => m.TenantId == tenantId && m.ContactId == contactId)
            .OrderBy(m => m.MergeSequence)
            .Select(m => m.Merge!.Document)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. documents.Select(MergeDocument.Deserialize)];
    }
}
