using Crm.Interactions.FollowUps;
using Crm.Storage;
using NodaTime;

namespace Crm.Interactions.Storage;

/// <summary>An optional capability of an <see cref="IInteractionStore"/>: reads follow-up tasks. They are written by <see cref="IInteractionStore.SaveAsync"/> (<see cref="InteractionChangeSet.FollowUpsCreated"/>, <see cref="InteractionChangeSet.FollowUpsReplaced"/>), so a completion, its timeline entry and the next follow-up commit together.</summary>
/// <remarks>
/// Tenant-scoped like the rest of the store. The assignee queries read an index on (tenant, assignee, status, due, id):
/// a page costs the same however many follow-ups the tenant or the assignee has. The DI builder checks at start-up that
/// the registered store implements it.
/// </remarks>
public interface IFollowUpStore
{
    /// <summary>Finds a follow-up, or returns <see langword="null"/>.</summary>
    ValueTask<FollowUp?> FindFollowUpAsync(TenantId tenantId, FollowUpId followUpId, CancellationToken cancellationToken);

    /// <summary>One page of the assignee's <see cref="FollowUpStatus.Open"/> follow-ups due in [<paramref name="dueFrom"/>, <paramref name="dueBefore"/>) (no lower bound when <paramref name="dueFrom"/> is <see langword="null"/>), oldest due first: ordered by (<see cref="FollowUp.DueAt"/>, <see cref="FollowUp.Id"/>) ascending.</summary>
    /// <exception cref="ArgumentException">The cursor was not produced by this store.</exception>
    ValueTask<Page<FollowUp>> ListOpenFollowUpsByAssigneeAsync(
        TenantId tenantId, TeamMemberId assignee, Instant? dueFrom, Instant dueBefore, PageRequest page, CancellationToken cancellationToken);

    /// <summary>One page of all of a contact's follow-ups, open or closed, ordered by (<see cref="FollowUp.DueAt"/>, <see cref="FollowUp.Id"/>) ascending: for export, erasure and retention reports.</summary>
    /// <exception cref="ArgumentException">The cursor was not produced by this store.</exception>
    ValueTask<Page<FollowUp>> ListFollowUpsByContactAsync(TenantId tenantId, ContactId contactId, PageRequest page, CancellationToken cancellationToken);
}
