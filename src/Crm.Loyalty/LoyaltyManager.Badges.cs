using Crm.Events;
using Crm.Loyalty.Badges;
using Crm.Loyalty.Events;
using Crm.Loyalty.Ledger;
using Crm.Loyalty.Storage;
using Crm.Storage;
using NodaTime;

namespace Crm.Loyalty;

public sealed partial class LoyaltyManager
{
    /// <summary>The badges awarded to the member, in the order they were awarded; empty for a program without badges.</summary>
    /// <exception cref="ArgumentException">The tenant or member id is empty.</exception>
    /// <exception cref="InvalidOperationException">The program has badges and the store does not implement <see cref="ILoyaltyBadgeStore"/>.</exception>
    public async Task<IReadOnlyList<AwardedBadge>> GetBadgesAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken = default)
    {
        Check(tenantId, contactId);
        if (Program.Badges.Count == 0)
        {
            return [];
        }

        var badges = await BadgeStore.ListBadgesAsync(tenantId, contactId, cancellationToken).ConfigureAwait(false);
        return badges.All(b => b.TenantId == tenantId && b.ContactId == contactId) ? badges : throw WrongRecord(tenantId, contactId);
    }

    /// <summary>Awards the member every badge of the program the ledger shows achieved as of <paramref name="asOf"/> (default: the clock's now) and not yet awarded, in one atomic change set with the earnings that pay their points.</summary>
    /// <remarks>
    /// <para><b>From the ledger only.</b> Each rule reads the member's entries recorded up to <paramref name="asOf"/>
    /// (purchases earned net of fully refunded ones, referral rewards paid as referrer, the first entry); the balance and
    /// other mutable state never count. A badge once awarded stays.</para>
    /// <para><b>Once.</b> An award's key (<c>badge:{id}</c>, or <c>badge:{id}:{yyyy-MM}</c> per streak of a repeating
    /// streak badge) is unique per member in the store. A badge with <see cref="BadgeRule.Points"/> pays them as an
    /// <see cref="LedgerEntryKind.Earn"/> entry keyed <c>badge:{member}:{id}…</c> with its own lot (the program's expiry,
    /// no hold), its snapshot naming the badge; it counts as points earned (tiers, rankings). When a merge moved an absorbed
    /// member's ledger to the member (<see cref="MergeMembersAsync"/>), a badge whose earning is in the moved ledger is
    /// recorded for the member without paying again.</para>
    /// <para><b>Concurrency.</b> The change set is guarded by the member's balance version; evaluations that race re-read
    /// and find the badges awarded, so each is awarded once. Running it again returns an empty list and writes nothing.</para>
    /// </remarks>
    /// <returns>The badges this call awarded, in the program's order; empty when none is newly achieved.</returns>
    /// <exception cref="ArgumentException">The tenant or member id is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> is after the clock's now.</exception>
    /// <exception cref="InvalidOperationException">The program has badges and the store does not implement <see cref="ILoyaltyBadgeStore"/>.</exception>
    /// <exception cref="ConcurrencyConflictException">The member's ledger kept changing for <see cref="LoyaltyOptions.MaxConflictRetries"/> attempts.</exception>
    public async Task<IReadOnlyList<AwardedBadge>> EvaluateBadgesAsync(TenantId tenantId, ContactId contactId, Instant? asOf = null, CancellationToken cancellationToken = default)
    {
        Check(tenantId, contactId);
        if (Program.Badges.Count == 0)
        {
            return [];
        }

        var now0 = _clock.GetCurrentInstant();
        var at = asOf is { } a && a > now0 ? throw new ArgumentOutOfRangeException(nameof(asOf), a, "Badges can be evaluated only as of an instant that has passed.") : asOf ?? now0;
        for (var attempt = 1; ; attempt++)
        {
            var account = await ReadAccountAsync(tenantId, contactId, cancellationToken).ConfigureAwait(false);
            var held = (await GetBadgesAsync(tenantId, contactId, cancellationToken).ConfigureAwait(false)).Select(b => b.Key).ToHashSet(StringComparer.Ordinal);
            var ledger = await ReadLedgerAsync(tenantId, contactId, cancellationToken).ConfigureAwait(false);
            var history = BadgeHistory.Of(ledger, Program.TimeZone, at);
            var due = Program.Badges.SelectMany(b => b.Achievements(history)).Where(x => !held.Contains(x.Key)).ToList();
            if (due.Count == 0)
            {
                return [];
            }

            var now = _clock.GetCurrentInstant();
            var plan = BadgePlan(tenantId, contactId, account, due, PaidInLedger(ledger), now);
            var tier = await PlanTierAsync(tenantId, contactId, plan.Ledger, now, cancellationToken).ConfigureAwait(false);
            var changes = new LoyaltyChangeSet
            {
                Entries = plan.Ledger.Entries,
                LotsCreated = plan.Ledger.Lots,
                Allocations = plan.Ledger.Allocations,
                Badges = plan.Badges,
                TierChanges = tier.Changes,
                Events = plan.Ledger.Events.Concat(tier.Events).Select(e => _eventIds.Identify(e)).ToList(),
                VersionChecks = [LoyaltyChangeSet.BalanceCheck(contactId, account.Version), .. tier.Checks],
            };
            try
            {
                await _store.SaveAsync(tenantId, changes, cancellationToken).ConfigureAwait(false);
            }
            catch (ConcurrencyConflictException) when (attempt < _options.MaxConflictRetries)
            {
                Log.ConcurrencyRetry(_logger, tenantId, contactId, attempt + 1);
                continue;
            }

            foreach (var badge in plan.Badges)
            {
                Log.BadgeAwarded(_logger, tenantId, contactId, badge.BadgeId, badge.Points);
            }

            return plan.Badges;
        }
    }

    /// <summary>The badge earnings in the member's ledger by award key (the rule id of their single snapshot line), including those a merge moved from an absorbed member.</summary>
    private static Dictionary<string, LedgerEntry> PaidInLedger(List<LedgerEntry> ledger)
        => ledger
            .Where(e => e.Kind == LedgerEntryKind.Earn && e.IdempotencyKey.StartsWith("badge:", StringComparison.Ordinal) && e.Snapshot is { Lines: [{ RuleId: not null }] })
            .GroupBy(e => e.Snapshot!.Lines[0].RuleId!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    private ILoyaltyBadgeStore BadgeStore => _store as ILoyaltyBadgeStore
        ?? throw new InvalidOperationException($"The loyalty store ({_store.GetType().FullName}) does not implement ILoyaltyBadgeStore, which a program with badges needs.");

    /// <summary>The badges, earnings, lots, debt settlements and events of one evaluation.</summary>
    private (List<AwardedBadge> Badges, LedgerPlan Ledger) BadgePlan(TenantId tenantId, ContactId contactId, LoyaltyAccount account, List<BadgeAchievement> due, Dictionary<string, LedgerEntry> paid, Instant now)
    {
        var badges = new List<AwardedBadge>();
        var entries = new List<LedgerEntry>();
        var lots = new List<PointsLot>();
        var events = new List<CrmEvent>();
        foreach (var achievement in due)
        {
            var rule = achievement.Rule;
            if (paid.TryGetValue(achievement.Key, out var moved))
            {
                // The award was paid to a member whose ledger a merge moved here: the badge is recorded, the points not paid again.
                badges.Add(new AwardedBadge(tenantId, contactId, rule.Id, achievement.Key, achievement.AchievedAt, now, moved.Points) { EntryId = moved.Id });
                events.Add(new BadgeAwarded(tenantId, now, contactId, rule.Id, achievement.Key, 0) { EntryId = moved.Id });
                continue;
            }

            var badge = new AwardedBadge(tenantId, contactId, rule.Id, achievement.Key, achievement.AchievedAt, now, rule.Points);
            LedgerEntryId? entryId = null;
            if (rule.Points > 0)
            {
                var key = IdempotencyKey.Validate($"badge:{contactId}:{achievement.Key["badge:".Length..]}", nameof(contactId));
                var snapshot = new EarningSnapshot(Program.Id, Program.Rounding, [new EarnedLine(achievement.Key, 0m, 0m, achievement.Key, 0m, 1m, rule.Points)], 0);
                var entry = new LedgerEntry(tenantId, LedgerEntryId.New(), contactId, LedgerEntryKind.Earn, rule.Points, now, key) { Snapshot = snapshot };
                var lot = new PointsLot(entry.Id, contactId, rule.Points, now, now, Program.ExpiryOf(now, Program.ExpiryMonths));
                entries.Add(entry);
                lots.Add(lot);
                events.Add(new PointsEarned(tenantId, now, contactId, entry.Id, rule.Points) { AvailableAt = now, ExpiresAt = lot.ExpiresAt });
                entryId = entry.Id;
            }

            badges.Add(badge with { EntryId = entryId });
            events.Add(new BadgeAwarded(tenantId, now, contactId, rule.Id, achievement.Key, rule.Points) { EntryId = entryId });
        }

        var settlements = LotAllocator.SettleDebts(account.Debts, lots.Select(l => (l.Id, l.Points)));
        return (badges, new LedgerPlan(entries, lots, settlements, events));
    }
}
