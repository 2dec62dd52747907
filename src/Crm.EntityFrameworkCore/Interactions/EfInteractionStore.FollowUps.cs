using System.Text;
using Crm.Interactions;
using Crm.Interactions.FollowUps;
using Crm.Interactions.Storage;
using Crm.Storage;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crm.EntityFrameworkCore.Interactions;

public sealed partial class EfInteractionStore<TContext> : IFollowUpStore
{
    /// <inheritdoc />
    public async ValueTask<FollowUp?> FindFollowUpAsync(TenantId tenantId, FollowUpId followUpId, CancellationToken cancellationToken)
    {
        TenantId.ThrowIfEmpty(tenantId);
        var id = followUpId.Value;
        var row = await _db.UseAsync(db => db.Set<FollowUpRow>().AsNoTracking().FirstOrDefaultAsync(r => r.TenantId == tenantId && r.Id == id, cancellationToken)).ConfigureAwait(false);
        return row?.ToFollowUp();
    }

    /// <inheritdoc />
    /// <remarks>One keyset query on <c>ix_crm_follow_ups_assignee_due</c> (tenant_id, assignee, status, due_at, id).</remarks>
    public async ValueTask<Page<FollowUp>> ListOpenFollowUpsByAssigneeAsync(
        TenantId tenantId, TeamMemberId assignee, Instant? dueFrom, Instant dueBefore, PageRequest page, CancellationToken cancellationToken)
    {
        TenantId.ThrowIfEmpty(tenantId);
        var sql = new StringBuilder("SELECT * FROM crm_follow_ups WHERE tenant_id = {0} AND assignee = {1} AND status = {2} AND due_at < {3}");
        var args = new List<object> { tenantId.Value, assignee.Value, nameof(FollowUpStatus.Open), dueBefore.ToUnixTimeTicks() };
        if (dueFrom is { } from)
        {
            sql.Append(" AND due_at >= {4}");
            args.Add(from.ToUnixTimeTicks());
        }

        var rows = await PageAsync<FollowUpRow>(sql, args, "due_at", descending: false, page, cancellationToken).ConfigureAwait(false);
        return Paged(rows, page, static r => r.ToFollowUp(), static r => new Cursor(r.DueAt, r.Id));
    }

    /// <inheritdoc />
    public ValueTask<Page<FollowUp>> ListFollowUpsByContactAsync(TenantId tenantId, ContactId contactId, PageRequest page, CancellationToken cancellationToken)
        => ListAsync<FollowUpRow, FollowUp>("crm_follow_ups", tenantId, contactId, "due_at", false, page, static r => r.ToFollowUp(), static r => new Cursor(r.DueAt, r.Id), cancellationToken);
}
