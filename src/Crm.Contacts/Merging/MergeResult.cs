namespace Crm.Contacts.Merging;

/// <summary>The outcome of a merge (or of a dry run): the survivor as it is (or would be) stored, the absorbed snapshots and the merge record.</summary>
/// <param name="Survivor">The survivor after the merge, with its new stamp.</param>
/// <param name="Absorbed">The absorbed contacts after the merge (<see cref="ContactStatus.Merged"/>), in request order.</param>
/// <param name="Record">The merge record: decisions, referral changes, absorbed acquisitions.</param>
/// <param name="IsDryRun">Whether nothing was written.</param>
public sealed record MergeResult(Contact Survivor, IReadOnlyList<Contact> Absorbed, MergeRecord Record, bool IsDryRun)
{
    /// <summary>How each field was decided (the same as <see cref="MergeRecord.Decisions"/>).</summary>
    public IReadOnlyList<MergeFieldDecision> Decisions => Record.Decisions;
}
