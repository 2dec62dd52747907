namespace Crm.Contacts.Merging;

/// <summary>The outcome of a merge (or of a dry run): the survivor as it is (or would be) stored, the absorbed snapshots and the merge record.</summary>
/// <remarks>
/// To commit a reviewed dry run, pass <see cref="ExpectedStamps"/> as <see cref="MergeRequest.ExpectedStamps"/>
/// (<c>request with { DryRun = false, ExpectedStamps = dryRun.ExpectedStamps }</c>): the merge then fails with
/// <see cref="ConcurrencyConflictException"/> only if an involved contact changed since the dry run. The stamps of
/// <see cref="Survivor"/> and <see cref="Absorbed"/> are the new stamps the merge writes (or would write), never the
/// ones to expect.
/// </remarks>
/// <param name="Survivor">The survivor after the merge, with the new stamp the merge writes (or would write).</param>
/// <param name="Absorbed">The absorbed contacts after the merge (<see cref="ContactStatus.Merged"/>), in request order.</param>
/// <param name="Record">The merge record: decisions, referral changes, absorbed acquisitions.</param>
/// <param name="IsDryRun">Whether nothing was written.</param>
public sealed record MergeResult(Contact Survivor, IReadOnlyList<Contact> Absorbed, MergeRecord Record, bool IsDryRun)
{
    /// <summary>How each field was decided (the same as <see cref="MergeRecord.Decisions"/>).</summary>
    public IReadOnlyList<MergeFieldDecision> Decisions => Record.Decisions;

    /// <summary>The stamps the involved contacts had when the merge was computed (survivor and absorbed), to pass as <see cref="MergeRequest.ExpectedStamps"/> when committing a dry run.</summary>
    public IReadOnlyDictionary<ContactId, Crm.Storage.ConcurrencyStamp> ExpectedStamps { get; init; } = new Dictionary<ContactId, Crm.Storage.ConcurrencyStamp>();
}
