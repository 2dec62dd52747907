using Crm.Interactions.FollowUps;

namespace Crm.Interactions.Storage;

public sealed partial class InteractionChangeSet
{
    /// <summary>New follow-up tasks (a store must implement <see cref="IFollowUpStore"/> to accept them).</summary>
    public IReadOnlyList<FollowUp> FollowUpsCreated { get; init; } = [];

    /// <summary>Replaced follow-up tasks (completed, cancelled, erased), each guarded by its stamp: of two agents completing the same task, one wins.</summary>
    public IReadOnlyList<Replacement<FollowUp>> FollowUpsReplaced { get; init; } = [];

    private bool HasNoFollowUps => FollowUpsCreated.Count == 0 && FollowUpsReplaced.Count == 0;
}
