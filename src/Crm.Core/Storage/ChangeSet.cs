using Crm.Events;

namespace Crm.Storage;

/// <summary>The part every package's change set shares: the events of the operation and the version counters it depends on.</summary>
/// <remarks>
/// <para>A manager builds one change set per operation; the store applies it atomically — all of it, or on any failed
/// check none of it. A store that implements <see cref="Outbox.IOutboxStore"/> writes <see cref="Events"/> into its outbox
/// in the same atomic save, so an event exists if and only if its fact does.</para>
/// <para><see cref="VersionChecks"/> guard facts the operation relied on without writing them: the store compares each
/// named counter with the expected version under the same lock or transaction as the write, advances those marked
/// <see cref="VersionCheck.Advance"/>, and throws <see cref="ConcurrencyConflictException"/> (entity
/// <c>version counter</c>) on any mismatch. A counter that was never advanced is at version 0.</para>
/// </remarks>
public abstract class ChangeSet
{
    /// <summary>The events describing what this change set does, each identified (<see cref="CrmEventIdentity"/>) and of the change set's tenant.</summary>
    public IReadOnlyList<CrmEvent> Events { get; init; } = [];

    /// <summary>Named version counters that must still be at the expected version, and which to advance by one.</summary>
    public IReadOnlyList<VersionCheck> VersionChecks { get; init; } = [];

    /// <summary>Whether the change set writes nothing (no facts, no events, no counters).</summary>
    public virtual bool IsEmpty => Events.Count == 0 && VersionChecks.Count == 0;
}
