using System.Globalization;
using Crm.EntityFrameworkCore.Storage;
using Crm.Loyalty.Ledger;
using Crm.Loyalty.Members;
using Crm.Loyalty.Storage;
using Crm.Loyalty.Tiers;
using Crm.Storage;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crm.EntityFrameworkCore.Loyalty;

public sealed partial class EfLoyaltyStore<TContext> : ILoyaltyTierStore, ILoyaltyRankingStore
{
    /// <summary>Money in the ranking figures is kept in units of 10⁻⁸ of the currency (amounts with more decimals are rounded half to even).</summary>
    private const decimal MoneyUnitsPerCurrencyUnit = 100_000_000m;

    /// <inheritdoc />
    public ValueTask<MemberTier> GetMemberTierAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ContactId.ThrowIfEmpty(contactId);
        return _db.UseAsync(async db =>
        {
            var latest = await TierChanges(db, tenantId).Where(r => r.ContactId == contactId).OrderByDescending(r => r.Sequence)
                .Select(r => new { r.ToTierId, r.ChangedAt }).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            return latest is null ? new MemberTier(contactId, null, null) : new MemberTier(contactId, latest.ToTierId, latest.ChangedAt);
        });
    }

    /// <inheritdoc />
    public ValueTask<TierChange?> FindTierChangeByKeyAsync(TenantId tenantId, string key, CancellationToken cancellationToken)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ArgumentNullException.ThrowIfNull(key);
        return _db.UseAsync(async db => (await TierChanges(db, tenantId).FirstOrDefaultAsync(r => r.IdempotencyKey == key, cancellationToken).ConfigureAwait(false)) is { } row ? ToTierChange(row) : null);
    }

    /// <inheritdoc />
    public ValueTask<Page<TierChange>> ListTierChangesAsync(TenantId tenantId, ContactId contactId, PageRequest page, CancellationToken cancellationToken)
    {
        TenantId.ThrowIfEmpty(tenantId);
        var after = SequenceCursor(page);
        return _db.UseAsync(async db =>
        {
            var rows = await TierChanges(db, tenantId).Where(r => r.ContactId == contactId && r.Sequence > after).OrderBy(r => r.Sequence)
                .Take(page.Size + 1).ToListAsync(cancellationToken).ConfigureAwait(false);
            var items = rows.Take(page.Size).ToList();
            return new Page<TierChange>([.. items.Select(ToTierChange)], rows.Count > page.Size ? items[^1].Sequence.ToString(CultureInfo.InvariantCulture) : null);
        });
    }

    /// <inheritdoc />
    public ValueTask<Page<MemberTier>> ListMembersByTierAsync(TenantId tenantId, string tierId, PageRequest page, CancellationToken cancellationToken)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ArgumentNullException.ThrowIfNull(tierId);
        var after = SequenceCursor(page);
        return _db.UseAsync(async db =>
        {
            var all = TierChanges(db, tenantId);
            var rows = await all.Where(r => r.ToTierId == tierId && r.Sequence > after && !all.Any(o => o.ContactId == r.ContactId && o.Sequence > r.Sequence))
                .OrderBy(r => r.Sequence).Take(page.Size + 1)
                .Select(r => new { r.Sequence, r.ContactId, r.ToTierId, r.ChangedAt })
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var items = rows.Take(page.Size).ToList();

            return new Page<MemberTier>(
                [.. items.Select(r => new MemberTier(r.ContactId, r.ToTierId, r.ChangedAt))],
                rows.Count > page.Size ? items[^1].Sequence.ToString(CultureInfo.InvariantCulture) : null);
        });
    }

    /// <inheritdoc />
    public ValueTask<Page<MemberActivity>> ListRankedMembersAsync(TenantId tenantId, MemberRanking ranking, Instant from, Instant to, decimal pointValue, PageRequest page, CancellationToken cancellationToken)
    {
        TenantId.ThrowIfEmpty(tenantId);
        var cursor = RankingCursor.Parse(page.Cursor, ranking, nameof(page));
        var pointUnits = ToUnits(pointValue);
        return _db.UseAsync(async db =>
        {
            var grouped = Activity(db, tenantId, from, to).GroupBy(r => r.ContactId).Select(g => new
            {
                ContactId = g.Key,
                Earned = g.Sum(r => r.PointsEarned),
                Spent = g.Sum(r => r.SpentUnits),
                Redeemed = g.Sum(r => r.PointsRedeemed),
            });
            var valued = ranking switch
            {
                MemberRanking.PointsEarned => grouped.Select(g => new { g.ContactId, g.Earned, g.Spent, g.Redeemed, Value = g.Earned }),
                MemberRanking.MoneySpent => grouped.Select(g => new { g.ContactId, g.Earned, g.Spent, g.Redeemed, Value = g.Spent }),
                MemberRanking.Profit => grouped.Select(g => new { g.ContactId, g.Earned, g.Spent, g.Redeemed, Value = g.Spent - (g.Redeemed * pointUnits) }),
                _ => throw new ArgumentOutOfRangeException(nameof(ranking), ranking, "Rank on PointsEarned, MoneySpent or Profit."),
            };
            if (cursor is { } c)
            {
                var last = ranking == MemberRanking.PointsEarned ? (long)c.Value : ToUnits(c.Value);
                valued = valued.Where(x => x.Value <= last);
            }

            var rows = await valued.OrderByDescending(x => x.Value).ThenBy(x => x.ContactId).Skip(cursor?.Ties ?? 0).Take(page.Size + 1)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var items = rows.Take(page.Size)
                .Select(r => new MemberActivity(r.ContactId, r.Earned, r.Spent / MoneyUnitsPerCurrencyUnit, r.Redeemed, (r.Spent - (r.Redeemed * pointUnits)) / MoneyUnitsPerCurrencyUnit))
                .ToList();
            return new Page<MemberActivity>(items, rows.Count > page.Size ? RankingCursor.After(cursor, ranking, items).ToString() : null);
        });
    }

    /// <inheritdoc />
    public ValueTask<long> CountActiveMembersAsync(TenantId tenantId, Instant from, Instant to, CancellationToken cancellationToken)
    {
        TenantId.ThrowIfEmpty(tenantId);
        return _db.UseAsync(db => Activity(db, tenantId, from, to).Select(r => r.ContactId).Distinct().LongCountAsync(cancellationToken));
    }

    /// <summary>Appends the change set's tier changes (after checking their tenant, member and keys) and the ranking figures of its entries; called inside the save's transaction.</summary>
    private static async Task ApplyTiersAsync(TContext db, TenantId tenantId, ContactId? member, LoyaltyChangeSet changes, CancellationToken cancellationToken)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var change in changes.TierChanges)
        {
            ArgumentNullException.ThrowIfNull(change, ChangeSetPlan.ParameterName);
            if (change.TenantId != tenantId)
            {
                throw new ArgumentException($"A change set for tenant '{tenantId}' holds a tier change of another tenant.", ChangeSetPlan.ParameterName);
            }

            if (member is { } m && m != change.ContactId)
            {
                throw new ArgumentException("A loyalty change set writes the ledger and tier of one member.", ChangeSetPlan.ParameterName);
            }

            member = change.ContactId;
            if (!keys.Add(change.IdempotencyKey))
            {
                throw new ConcurrencyConflictException("tier change", change.IdempotencyKey);
            }
        }

        if (keys.Count > 0 && await TierChanges(db, tenantId).Where(r => keys.Contains(r.IdempotencyKey)).Select(r => r.IdempotencyKey)
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false) is { } taken)
        {
            throw new ConcurrencyConflictException("tier change", taken);
        }

        foreach (var change in changes.TierChanges)
        {
            db.Add(new LoyaltyTierChangeRow
            {
                TenantId = tenantId, ContactId = change.ContactId, FromTierId = change.FromTierId, ToTierId = change.ToTierId, Reason = change.Reason,
                ChangedAt = change.ChangedAt, Qualifying = change.Qualifying, IdempotencyKey = change.IdempotencyKey, CausedByEntryId = change.CausedByEntryId,
            });
        }

        var reversed = changes.Entries.Where(e => e.Kind == LedgerEntryKind.Reverse && e.Snapshot is null && e.ReversesEntryId is not null).Select(e => e.ReversesEntryId!.Value).ToList();
        var kinds = reversed.Count == 0
            ? []
            : await Entries(db, tenantId).Where(r => reversed.Contains(r.Id)).Select(r => new { r.Id, r.Kind }).ToDictionaryAsync(r => r.Id, r => r.Kind, cancellationToken).ConfigureAwait(false);
        foreach (var entry in changes.Entries)
        {
            LedgerEntryKind? reversedKind = entry.ReversesEntryId is { } id
                ? changes.Entries.FirstOrDefault(e => e.Id == id)?.Kind ?? (kinds.TryGetValue(id, out var kind) ? kind : null)
                : null;
            var figures = LedgerEntryFigures.Of(entry, reversedKind);
            if (!figures.IsNone)
            {
                db.Add(new LoyaltyActivityRow
                {
                    TenantId = tenantId, ContactId = entry.ContactId, EntryId = entry.Id, RecordedAt = entry.RecordedAt,
                    PointsEarned = figures.PointsEarned, SpentUnits = ToUnits(figures.MoneySpent), PointsRedeemed = figures.PointsRedeemed,
                });
            }
        }
    }

    private static long ToUnits(decimal money) => checked((long)decimal.Round(money * MoneyUnitsPerCurrencyUnit, MidpointRounding.ToEven));

    private static long SequenceCursor(PageRequest page)
        => page.Cursor is null ? 0
            : long.TryParse(page.Cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var after) ? after
            : throw new ArgumentException("The page cursor was not produced by this store.", nameof(page));

    private static IQueryable<LoyaltyTierChangeRow> TierChanges(TContext db, TenantId tenantId) => db.Set<LoyaltyTierChangeRow>().AsNoTracking().Where(r => r.TenantId == tenantId);

    private static IQueryable<LoyaltyActivityRow> Activity(TContext db, TenantId tenantId, Instant from, Instant to)
        => db.Set<LoyaltyActivityRow>().AsNoTracking().Where(r => r.TenantId == tenantId && r.RecordedAt >= from && r.RecordedAt < to);

    private static TierChange ToTierChange(LoyaltyTierChangeRow row)
        => new(row.TenantId, row.ContactId, row.FromTierId, row.ToTierId, row.Reason, row.ChangedAt, row.Qualifying, row.IdempotencyKey) { CausedByEntryId = row.CausedByEntryId };
}
