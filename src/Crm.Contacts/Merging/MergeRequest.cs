using Crm.Contacts.Storage;
using Crm.Storage;

namespace Crm.Contacts.Merging;

/// <summary>Asks <see cref="ContactMerger"/> to merge contacts into one survivor.</summary>
public sealed class MergeRequest
{
    /// <summary>The contact that remains, keeps its id and receives the others' data.</summary>
    public required ContactId SurvivorId { get; init; }

    /// <summary>The contacts merged into the survivor (at least one, distinct, not the survivor); in precedence order for the policies.</summary>
    public required IReadOnlyList<ContactId> AbsorbedIds { get; init; }

    /// <summary>The per-field conflict policies. Default <see cref="MergePolicy.Default"/>.</summary>
    public MergePolicy Policy { get; init; } = MergePolicy.Default;

    /// <summary>When set, computes and returns the result without writing anything or publishing events.</summary>
    public bool DryRun { get; init; }

    /// <summary>Optional stamps of the snapshots the user reviewed (e.g. from a dry run): a contact whose stamp differs fails the merge with <see cref="ConcurrencyConflictException"/>.</summary>
    public IReadOnlyDictionary<ContactId, ConcurrencyStamp>? ExpectedStamps { get; init; }
}
