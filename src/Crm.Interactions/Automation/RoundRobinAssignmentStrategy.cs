using Crm.Interactions.Storage;
using Crm.Storage;

namespace Crm.Interactions.Automation;

/// <summary>The default <see cref="IAssignmentStrategy"/>: each team's members in turn, fair across app instances.</summary>
/// <remarks>
/// The turn is the tenant's sequence <c>interactions.assignment:&lt;team&gt;</c>, drawn from the store's
/// <see cref="ISequenceStore"/> in one atomic step (one upsert on <c>crm_version_counters</c> in the EF stores): the n-th
/// draw (1-based) gets member (n − 1) mod count. No in-process state, so two instances of the app — or two concurrent
/// opens — never hand out the same turn, and over k × count assignments each member gets exactly k. A drawn turn whose
/// save later fails is skipped (like a database sequence), never given twice; changing the member list restarts nothing
/// but shifts who is next.
/// </remarks>
public sealed class RoundRobinAssignmentStrategy : IAssignmentStrategy
{
    /// <summary>The prefix of the per-team sequence names.</summary>
    public const string SequencePrefix = "interactions.assignment:";

    private readonly ISequenceStore? _sequences;

    /// <summary>Creates the strategy over the interaction store's sequences.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="store"/> is null.</exception>
    public RoundRobinAssignmentStrategy(IInteractionStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _sequences = store as ISequenceStore;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The store does not implement <see cref="ISequenceStore"/>: register another <see cref="IAssignmentStrategy"/>.</exception>
    public async ValueTask<TeamMemberId> AssignAsync(TenantId tenantId, AssignmentRequest request, CancellationToken cancellationToken)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ArgumentNullException.ThrowIfNull(request);
        var sequences = _sequences
            ?? throw new InvalidOperationException("Round-robin assignment draws turns from the store's ISequenceStore; the registered IInteractionStore does not implement it. Register your own IAssignmentStrategy.");
        var turn = await sequences.NextAsync(tenantId, SequencePrefix + request.Team, cancellationToken).ConfigureAwait(false);
        return request.Members[(int)((turn - 1) % request.Members.Count)];
    }
}
