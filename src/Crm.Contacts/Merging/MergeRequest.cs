using Crm.Contacts.Storage;
using Crm.Storage;

namespace Crm.Contacts.Merging;

/// <summary>Asks <see cref="ContactMerger"/> to merge contacts into one survivor.</summary>
/// <remarks>
/// A record, so a reviewed dry run is committed with <c>with</c>:
/// <c>request with { DryRun = false, ExpectedStamps = dryRun.ExpectedStamps }</c>. <see cref="ContactMerger.MergeAsync"/>
/// validates every request it is given (also one made with <c>with</c>), naming the property that breaks a rule.
/// </remarks>
public sealed record MergeRequest
{
    /// <summary>The contact that remains, keeps its id and receives the others' data.</summary>
    public required ContactId SurvivorId { get; init; }

    /// <summary>The contacts merged into the survivor (at least one, distinct, not the survivor); in precedence order for the policies.</summary>
    public required IReadOnlyList<ContactId> AbsorbedIds { get; init; }

    /// <summary>The per-field conflict policies. Default <see cref="MergePolicy.Default"/>.</summary>
    public MergePolicy Policy { get; init; } = MergePolicy.Default;

    /// <summary>When set, computes and returns the result without writing anything (no events either).</summary>
    public bool DryRun { get; init; }

    /// <summary>Optional stamps the involved contacts must still have: a contact whose stamp differs fails the merge with <see cref="ConcurrencyConflictException"/>.</summary>
    /// <remarks>To commit a reviewed dry run, pass its <see cref="MergeResult.ExpectedStamps"/> (the stamps the dry run read),
    /// not the stamps of <see cref="MergeResult.Survivor"/> or <see cref="MergeResult.Absorbed"/>, which are the new stamps
    /// a commit would write and never match the stored contacts.</remarks>
    public IReadOnlyDictionary<ContactId, ConcurrencyStamp>? ExpectedStamps { get; init; }
}
