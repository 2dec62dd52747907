using System.Globalization;
using Crm.Loyalty.Members;
using Crm.Loyalty.Storage;
using Crm.Loyalty.Tiers;
using Crm.Storage;
using NodaTime;

namespace Crm.Loyalty.InMemory;

public sealed partial class InMemoryLoyaltyStore : ILoyaltyTierStore, ILoyaltyRankingStore
{
    /// <inheritdoc />
    public ValueTask<MemberTier> GetMemberTierAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken)
    {
        ContactId.ThrowIfEmpty(contactId);
        return Read(tenantId, contactId, static (p, id) => p.TierOf(id), new MemberTier(contactId, null, null), cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<TierChange?> FindTierChangeByKeyAsync(TenantId tenantId, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Read(tenantId, key, static (p, k) => p.TierChangesByKey.GetValueOrDefault(k), null, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<Page<TierChange>> ListTierChangesAsync(TenantId tenantId, ContactId contactId, PageRequest page, CancellationToken cancellationToken)
    {
        var start = 0;
        if (page.Cursor is not null && (!int.TryParse(page.Cursor, NumberStyles.None, CultureInfo.InvariantCulture, out start) || start < 1))
        {
            throw new ArgumentException("The page cursor was not produced by this store.", nameof(page));
        }

        return Read(
            tenantId,
            (contactId, start, page.Size),
            static (p, q) =>
            {
                var list = p.TierHistory.TryGetValue(q.contactId, out var l) ? l : [];
                var items = list.Skip(q.start).Take(q.Size).ToList();
                var next = q.start + items.Count;
                return new Page<TierChange>(items, next < list.Count ? next.ToString(CultureInfo.InvariantCulture) : null);
            },
            new Page<TierChange>([], null),
            cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<Page<MemberTier>> ListMembersByTierAsync(TenantId tenantId, string tierId, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tierId);
        var after = -1;
        if (page.Cursor is not null && (!int.TryParse(page.Cursor, NumberStyles.None, CultureInfo.InvariantCulture, out after) || after < 0))
        {
            throw new ArgumentException("The page cursor was not produced by this store.", nameof(page));
        }

        return Read(
            tenantId,
            (tierId, after, page.Size),
            static (p, q) =>
            {
                var found = new List<(int Position, MemberTier Member)>();
                for (var i = q.after + 1; i < p.TierLog.Count && found.Count <= q.Size; i++)
                {
                    var change = p.TierLog[i];
                    if (string.Equals(change.ToTierId, q.tierId, StringComparison.Ordinal) && ReferenceEquals(p.TierHistory[change.ContactId][^1], change))
                    {
                        found.Add((i, new MemberTier(change.ContactId, change.ToTierId, change.ChangedAt)));
                    }
                }

                var items = found.Take(q.Size).ToList();
                return new Page<MemberTier>([.. items.Select(f => f.Member)], found.Count > q.Size ? items[^1].Position.ToString(CultureInfo.InvariantCulture) : null);
            },
            new Page<MemberTier>([], null),
            cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<Page<MemberActivity>> ListRankedMembersAsync(TenantId tenantId, MemberRanking ranking, Instant from, Instant to, decimal pointValue, PageRequest page, CancellationToken cancellationToken)
    {
        var after = RankingCursor.Parse(page.Cursor, ranking, nameof(page));
        return Read(
            tenantId,
            (ranking, from, to, pointValue, after, page.Size),
            static (p, q) =>
            {
                var ranked = new List<(MemberActivity Activity, decimal Value)>();
                foreach (var (member, entries) in p.ByMember)
                {
                    if (p.ActivityOf(entries, q.from, q.to) is { } a)
                    {
                        var activity = new MemberActivity(member, a.Earned, a.Spent, a.Redeemed, a.Spent - (a.Redeemed * q.pointValue));
                        ranked.Add((activity, RankingCursor.ValueOf(activity, q.ranking)));
                    }
                }

                var items = ranked
                    .Where(r => q.after is not { } c || r.Value <= c.Value)
                    .OrderByDescending(r => r.Value).ThenBy(r => r.Activity.ContactId)
                    .Skip(q.after?.Ties ?? 0)
                    .Take(q.Size + 1)
                    .Select(r => r.Activity)
                    .ToList();
                var pageItems = items.Take(q.Size).ToList();
                return new Page<MemberActivity>(pageItems, items.Count > q.Size ? RankingCursor.After(q.after, q.ranking, pageItems).ToString() : null);
            },
            new Page<MemberActivity>([], null),
            cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<long> CountActiveMembersAsync(TenantId tenantId, Instant from, Instant to, CancellationToken cancellationToken)
        => Read(tenantId, (from, to), static (p, q) => p.ByMember.LongCount(m => p.ActivityOf(m.Value, q.from, q.to) is not null), 0L, cancellationToken);
}
