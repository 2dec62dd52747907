using Crm.Contacts.Acquisition;
using Crm.Contacts.Referrals;
using NodaTime;

namespace Crm.Contacts.Merging;

/// <summary>The stored fact that contacts were merged: who into whom, when, how each field was decided and which referral edges moved.</summary>
/// <remarks>Written in the merge's change set (<see cref="Storage.ContactChangeSet.MergesRecorded"/>) and read through <see cref="Storage.IContactMergeHistory"/>. It holds ids, policies and acquisition codes only.</remarks>
public sealed class MergeRecord
{
    /// <summary>Creates a merge record.</summary>
    /// <exception cref="ArgumentNullException">A list is null.</exception>
    /// <exception cref="ArgumentException">An id is empty, there is no absorbed contact, or the ids are not distinct.</exception>
    public MergeRecord(
        ContactId survivorId,
        IReadOnlyList<ContactId> absorbedIds,
        Instant mergedAt,
        IReadOnlyList<MergeFieldDecision> decisions,
        IReadOnlyList<Referral> referralsRemoved,
        IReadOnlyList<Referral> referralsAdded,
        IReadOnlyDictionary<ContactId, AcquisitionSource> absorbedAcquisitions)
    {
        ContactId.ThrowIfEmpty(survivorId);
        ArgumentNullException.ThrowIfNull(absorbedIds);
        ArgumentNullException.ThrowIfNull(decisions);
        ArgumentNullException.ThrowIfNull(referralsRemoved);
        ArgumentNullException.ThrowIfNull(referralsAdded);
        ArgumentNullException.ThrowIfNull(absorbedAcquisitions);
        if (absorbedIds.Count == 0)
        {
            throw new ArgumentException("A merge record needs at least one absorbed contact.", nameof(absorbedIds));
        }

        var seen = new HashSet<ContactId> { survivorId };
        foreach (var id in absorbedIds)
        {
            ContactId.ThrowIfEmpty(id, nameof(absorbedIds));
            if (!seen.Add(id))
            {
                throw new ArgumentException("A merge record's survivor and absorbed ids must be distinct.", nameof(absorbedIds));
            }
        }

        SurvivorId = survivorId;
        AbsorbedIds = absorbedIds;
        MergedAt = mergedAt;
        Decisions = decisions;
        ReferralsRemoved = referralsRemoved;
        ReferralsAdded = referralsAdded;
        AbsorbedAcquisitions = absorbedAcquisitions;
    }

    /// <summary>The contact that remained.</summary>
    public ContactId SurvivorId { get; }

    /// <summary>The contacts merged into it, in request order; each now has <see cref="ContactStatus.Merged"/>.</summary>
    public IReadOnlyList<ContactId> AbsorbedIds { get; }

    /// <summary>When the merge was committed.</summary>
    public Instant MergedAt { get; }

    /// <summary>How each field of the survivor was decided.</summary>
    public IReadOnlyList<MergeFieldDecision> Decisions { get; }

    /// <summary>The referral edges the merge removed (every edge touching an absorbed contact, and the survivor's edge to an absorbed referrer).</summary>
    public IReadOnlyList<Referral> ReferralsRemoved { get; }

    /// <summary>The referral edges the merge added: the absorbed contacts' referees now referred by the survivor, and possibly the survivor's inherited referrer.</summary>
    public IReadOnlyList<Referral> ReferralsAdded { get; }

    /// <summary>The acquisition source each absorbed contact had, if any.</summary>
    public IReadOnlyDictionary<ContactId, AcquisitionSource> AbsorbedAcquisitions { get; }

    /// <summary>Whether <paramref name="contactId"/> took part in the merge.</summary>
    public bool Involves(ContactId contactId) => SurvivorId == contactId || AbsorbedIds.Contains(contactId);

    /// <summary>The survivor, the absorbed ids, the time and the referral changes.</summary>
    public override string ToString() => $"Merge of {string.Join(", ", AbsorbedIds)} into {SurvivorId} at {MergedAt} ({ReferralsRemoved.Count} referral(s) removed, {ReferralsAdded.Count} added)";
}
