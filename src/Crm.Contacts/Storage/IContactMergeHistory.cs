using Crm.Contacts.Merging;

namespace Crm.Contacts.Storage;

/// <summary>An optional store capability: reads the merge records written through <see cref="ContactChangeSet.MergesRecorded"/>.</summary>
public interface IContactMergeHistory
{
    /// <summary>Every merge in which <paramref name="contactId"/> was the survivor or one of the absorbed contacts, oldest first.</summary>
    ValueTask<IReadOnlyList<MergeRecord>> GetMergeHistoryAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken);
}
