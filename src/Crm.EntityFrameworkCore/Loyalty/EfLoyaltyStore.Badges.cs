using Crm.EntityFrameworkCore.Storage;
using Crm.Loyalty.Badges;
using Crm.Loyalty.Storage;
using Crm.Storage;
using Microsoft.EntityFrameworkCore;

namespace Crm.EntityFrameworkCore.Loyalty;

public sealed partial class EfLoyaltyStore<TContext> : ILoyaltyBadgeStore
{
    /// <inheritdoc />
    public ValueTask<IReadOnlyList<AwardedBadge>> ListBadgesAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ContactId.ThrowIfEmpty(contactId);
        return _db.UseAsync<IReadOnlyList<AwardedBadge>>(async db =>
        {
            var rows = await db.Set<LoyaltyBadgeRow>().AsNoTracking().Where(r => r.TenantId == tenantId && r.ContactId == contactId).OrderBy(r => r.Sequence)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            return [.. rows.Select(r => new AwardedBadge(r.TenantId, r.ContactId, r.BadgeId, r.Key, r.AchievedAt, r.AwardedAt, r.Points) { EntryId = r.EntryId })];
        });
    }

    /// <summary>Appends the change set's badges, refusing a key the member already holds (and, through the unique index, one a parallel writer records first).</summary>
    private static async Task ApplyBadgesAsync(TContext db, TenantId tenantId, ContactId? member, LoyaltyChangeSet changes, CancellationToken cancellationToken)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var badge in changes.Badges)
        {
            ArgumentNullException.ThrowIfNull(badge, ChangeSetPlan.ParameterName);
            if (badge.TenantId != tenantId)
            {
                throw new ArgumentException($"A change set for tenant '{tenantId}' holds a badge of another tenant.", ChangeSetPlan.ParameterName);
            }

            if (member is { } m && m != badge.ContactId)
            {
                throw new ArgumentException("A loyalty change set writes the ledger and badges of one member.", ChangeSetPlan.ParameterName);
            }

            member = badge.ContactId;
            if (!keys.Add(badge.Key))
            {
                throw new ConcurrencyConflictException("badge", badge.Key);
            }
        }

        if (member is not { } owner || keys.Count == 0)
        {
            return;
        }

        if (await db.Set<LoyaltyBadgeRow>().AsNoTracking().Where(r => r.TenantId == tenantId && r.ContactId == owner && keys.Contains(r.Key)).Select(r => r.Key)
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false) is { } taken)
        {
            throw new ConcurrencyConflictException("badge", taken);
        }

        foreach (var badge in changes.Badges)
        {
            db.Add(new LoyaltyBadgeRow
            {
                TenantId = tenantId, ContactId = badge.ContactId, BadgeId = badge.BadgeId, Key = badge.Key,
                AchievedAt = badge.AchievedAt, AwardedAt = badge.AwardedAt, Points = badge.Points, EntryId = badge.EntryId,
            });
        }
    }
}
