using Crm.Contacts.Duplicates;
using Crm.Contacts.Merging;
using Crm.Contacts.Storage;

namespace Crm.Contacts.InMemory;

/// <summary>The duplicate-key index and the merge records of one tenant (same lock as the rest of the partition).</summary>
internal sealed partial class TenantPartition
{
    /// <summary>Duplicate key → the active contacts that have it, in ascending id order.</summary>
    public Dictionary<DuplicateKey, SortedSet<ContactId>> DuplicateIndex { get; } = [];

    /// <summary>Every merge record, in the order written.</summary>
    public List<MergeRecord> MergeRecords { get; } = [];

    /// <summary>Each contact's merge records (as survivor or absorbed), in the order written.</summary>
    public Dictionary<ContactId, List<MergeRecord>> MergeRecordsByContact { get; } = [];

    private void CheckMergeRecords(ContactChangeSet changes, HashSet<ContactId> created)
    {
        foreach (var record in changes.MergesRecorded)
        {
            ArgumentNullException.ThrowIfNull(record, nameof(changes));
            foreach (var id in record.AbsorbedIds.Prepend(record.SurvivorId))
            {
                if (!created.Contains(id) && !Contacts.ContainsKey(id))
                {
                    throw new ArgumentException($"A merge record names contact '{id}', which the change set neither creates nor finds.", nameof(changes));
                }
            }
        }
    }

    /// <summary>Refuses a claim when one active contact holds every key of it (the index holds active contacts only).</summary>
    private void CheckDuplicateKeyClaims(ContactChangeSet changes, HashSet<ContactId> created)
    {
        foreach (var claim in changes.DuplicateKeyClaims)
        {
            ArgumentNullException.ThrowIfNull(claim, nameof(changes));
            if (!created.Contains(claim.ContactId))
            {
                throw new ArgumentException($"A duplicate key claim names contact '{claim.ContactId}', which the change set does not create.", nameof(changes));
            }

            HashSet<ContactId>? holders = null;
            foreach (var key in claim.Keys)
            {
                if (!DuplicateIndex.TryGetValue(key, out var ids))
                {
                    holders = null;
                    break;
                }

                if (holders is null)
                {
                    holders = [.. ids];
                }
                else
                {
                    holders.IntersectWith(ids);
                }

                if (holders.Count == 0)
                {
                    break;
                }
            }

            if (holders is { Count: > 0 })
            {
                throw new ConcurrencyConflictException("duplicate key", claim.ContactId.ToString());
            }
        }
    }

    private void ApplyDuplicateIndex(ContactChangeSet changes)
    {
        foreach (var contact in changes.Created)
        {
            IndexKeys(contact, add: true);
        }

        foreach (var update in changes.Updated)
        {
            IndexKeys(Contacts[update.Contact.Id], add: false);
            IndexKeys(update.Contact, add: true);
        }
    }

    private void IndexKeys(Contact contact, bool add)
    {
        if (contact.Status != ContactStatus.Active)
        {
            return;
        }

        foreach (var key in DuplicateKeys.For(contact))
        {
            if (add)
            {
                if (!DuplicateIndex.TryGetValue(key, out var ids))
                {
                    DuplicateIndex[key] = ids = [];
                }

                ids.Add(contact.Id);
            }
            else if (DuplicateIndex.TryGetValue(key, out var ids) && ids.Remove(contact.Id) && ids.Count == 0)
            {
                DuplicateIndex.Remove(key);
            }
        }
    }

    private void ApplyMergeRecords(ContactChangeSet changes)
    {
        foreach (var record in changes.MergesRecorded)
        {
            MergeRecords.Add(record);
            foreach (var id in record.AbsorbedIds.Prepend(record.SurvivorId))
            {
                if (!MergeRecordsByContact.TryGetValue(id, out var list))
                {
                    MergeRecordsByContact[id] = list = [];
                }

                list.Add(record);
            }
        }
    }
}
