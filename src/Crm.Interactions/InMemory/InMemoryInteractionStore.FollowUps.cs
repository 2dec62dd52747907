using Crm.Interactions.FollowUps;
using Crm.Interactions.Storage;
using Crm.Storage;
using NodaTime;

namespace Crm.Interactions.InMemory;

public sealed partial class InMemoryInteractionStore : IFollowUpStore
{
    /// <inheritdoc />
    public ValueTask<FollowUp?> FindFollowUpAsync(TenantId tenantId, FollowUpId followUpId, CancellationToken cancellationToken)
        => Read(tenantId, p => p.FollowUps.GetValueOrDefault(followUpId), null, cancellationToken);

    /// <inheritdoc />
    public ValueTask<Page<FollowUp>> ListOpenFollowUpsByAssigneeAsync(
        TenantId tenantId, TeamMemberId assignee, Instant? dueFrom, Instant dueBefore, PageRequest page, CancellationToken cancellationToken)
        => Read(
            tenantId,
            p =>
            {
                if (!p.OpenFollowUpsByAssignee.TryGetValue(assignee, out var index))
                {
                    return CheckedEmpty<FollowUp>(page);
                }

                var (first, last) = index.Bounds(dueFrom, dueBefore);
                return index.Page(page, first, last, k => p.FollowUps[new FollowUpId(k.Id)], nameof(page));
            },
            CheckedEmpty<FollowUp>(page),
            cancellationToken);

    /// <inheritdoc />
    public ValueTask<Page<FollowUp>> ListFollowUpsByContactAsync(TenantId tenantId, ContactId contactId, PageRequest page, CancellationToken cancellationToken)
        => Read(
            tenantId,
            p => p.FollowUpsByContact.TryGetValue(contactId, out var index) ? index.Page(page, null, null, k => p.FollowUps[new FollowUpId(k.Id)], nameof(page)) : CheckedEmpty<FollowUp>(page),
            CheckedEmpty<FollowUp>(page),
            cancellationToken);
}
