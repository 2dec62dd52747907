using Crm.Events;
using Crm.Loyalty.Events;
using Crm.Loyalty.Ledger;
using Crm.Loyalty.Storage;
using Crm.Loyalty.Tiers;
using Crm.Storage;
using NodaTime;

namespace Crm.Loyalty;

public sealed partial class LoyaltyManager
{
    /// <summary>The member's stored tier as of <paramref name="asOf"/> (from the tier history), with the window's qualifying total, the tier that total reaches, and the progress to the next tier.</summary>
    /// <remarks>
    /// <para>Writes nothing. The tier is stored state: raised at once by the earning that reaches a higher tier, lowered
    /// only by a review (<see cref="EvaluateTierAsync"/>). The qualifying total counts the entries recorded from the window's
    /// start up to and including <paramref name="asOf"/>: points earned are earnings minus the points their refunds took
    /// back (redemptions, expiry and adjustments never count); money spent is the net amount of the purchase lines that
    /// earned, minus the amounts refunded on them.</para>
    /// <para>An anniversary window counts membership years from the local date of the member's first ledger entry.</para>
    /// </remarks>
    /// <exception cref="ArgumentException">The tenant or member id is empty.</exception>
    /// <exception cref="InvalidOperationException">The program has no tiers.</exception>
    public async Task<TierStatus> GetTierAsync(TenantId tenantId, ContactId contactId, Instant asOf, CancellationToken cancellationToken = default)
    {
        Check(tenantId, contactId);
        var window = TierWindowOrThrow();
        var state = await ReadMemberTierAsync(tenantId, contactId, cancellationToken).ConfigureAwait(false);
        var (tierId, since) = (state.TierId, state.Since);
        if (since is { } s && s > asOf)
        {
            (tierId, since) = (null, null);
            await foreach (var change in TierHistoryAsync(tenantId, contactId, cancellationToken).ConfigureAwait(false))
            {
                if (change.ChangedAt > asOf)
                {
                    break;
                }

                (tierId, since) = (change.ToTierId, change.ChangedAt);
            }
        }

        var entries = (await ReadLedgerAsync(tenantId, contactId, cancellationToken).ConfigureAwait(false)).Where(e => e.RecordedAt <= asOf).ToList();
        var (start, end) = window.Bounds(asOf, Program.TimeZone, JoinedOn(entries));
        var qualifying = SumQualifying(entries, start, asOf);
        var held = Program.RankOf(tierId);
        return new TierStatus
        {
            ContactId = contactId,
            AsOf = asOf,
            WindowStart = start,
            WindowEnd = end,
            Qualifying = qualifying,
            Tier = Program.TierAt(held),
            Since = since,
            Reached = Program.TierAt(Program.RankReached(qualifying)),
            NextTier = held == Program.Tiers.Count ? null : Program.Tiers[held],
        };
    }

    /// <summary>One page of the member's tier history, oldest first.</summary>
    /// <exception cref="ArgumentException">The tenant or member id is empty, or the cursor is not the store's.</exception>
    /// <exception cref="InvalidOperationException">The program has no tiers.</exception>
    public async Task<Page<TierChange>> GetTierHistoryAsync(TenantId tenantId, ContactId contactId, PageRequest page, CancellationToken cancellationToken = default)
    {
        Check(tenantId, contactId);
        TierWindowOrThrow();
        var result = await TierStore.ListTierChangesAsync(tenantId, contactId, page, cancellationToken).ConfigureAwait(false);
        return result.Items.Count <= page.Size && result.Items.All(c => c.TenantId == tenantId && c.ContactId == contactId) ? result : throw WrongRecord(tenantId, contactId);
    }

    /// <summary>Reviews the member's stored tier as of <paramref name="asOf"/> (default: the clock's now) and moves it down by the program's <see cref="Program.LoyaltyProgram.TierDowngrade"/> policy when the reviewed window no longer supports it: the period-end command, and the only way a tier goes down.</summary>
    /// <remarks>
    /// <para><b>What is reviewed.</b> For a calendar or anniversary window, the last completed period together with its
    /// grace period (<see cref="Program.LoyaltyProgram.TierGracePeriod"/>): the review waits until the grace period has
    /// passed, and activity in it counts for the period. The tier the review finds supported is the higher of what that
    /// period reached and what the current period has reached so far. For a rolling window, the window ending at
    /// <paramref name="asOf"/>, stretched back by the grace period. Either way, a review never moves a member below what
    /// the window reaches with entries recorded after <paramref name="asOf"/> (earnings that raised no tier because the
    /// stored one was higher).</para>
    /// <para><b>Idempotent.</b> A review's key is <c>tier:review:{member}:{date}</c>, the date being the start of the current
    /// period (calendar, anniversary) or the local date of <paramref name="asOf"/> (rolling): running it again for the same
    /// period returns the first change and writes nothing, so one-step-down never steps twice. A review that finds a
    /// higher tier than stored (for example after the program gained tiers) raises it.</para>
    /// <para><b>Concurrency.</b> The change set checks the member's balance version (no entry was added since the figures
    /// were read) and advances the tier version; on a conflict the review re-reads and re-decides.</para>
    /// </remarks>
    /// <returns>The tier change (the first one when the period was already reviewed), or <see langword="null"/> when the tier stays, no period has completed, or the grace period has not passed.</returns>
    /// <exception cref="ArgumentException">The tenant or member id is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> is after the clock's now.</exception>
    /// <exception cref="InvalidOperationException">The program has no tiers.</exception>
    /// <exception cref="ConcurrencyConflictException">The member's ledger kept changing for <see cref="LoyaltyOptions.MaxConflictRetries"/> attempts.</exception>
    public async Task<TierChange?> EvaluateTierAsync(TenantId tenantId, ContactId contactId, Instant? asOf = null, CancellationToken cancellationToken = default)
        => (await ReviewTierAsync(tenantId, contactId, asOf, cancellationToken).ConfigureAwait(false)).Change;

    /// <summary>Reviews every member holding a stored tier (<see cref="EvaluateTierAsync"/>), lowest tier first, page by page.</summary>
    /// <remarks>Idempotent like the per-member review. Members with no stored tier are not visited (nothing can move them down).</remarks>
    /// <returns>How many tier changes this call wrote.</returns>
    /// <exception cref="ArgumentException">The tenant is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> is after the clock's now.</exception>
    /// <exception cref="InvalidOperationException">The program has no tiers.</exception>
    public async Task<int> EvaluateTiersAsync(TenantId tenantId, Instant? asOf = null, CancellationToken cancellationToken = default)
    {
        TenantId.ThrowIfEmpty(tenantId);
        TierWindowOrThrow();
        var at = AsOfOrNow(asOf);
        var written = 0;
        foreach (var tier in Program.Tiers)
        {
            string? cursor = null;
            do
            {
                var page = await GetMembersByTierAsync(tenantId, tier.Id, new PageRequest(PageRequest.MaxPageSize, cursor), cancellationToken).ConfigureAwait(false);
                foreach (var member in page.Items)
                {
                    written += (await ReviewTierAsync(tenantId, member.ContactId, at, cancellationToken).ConfigureAwait(false)).Written ? 1 : 0;
                }

                cursor = page.NextCursor;
            }
            while (cursor is not null);
        }

        return written;
    }

    /// <summary>One page of the members whose stored tier is <paramref name="tierId"/>, by ascending member id.</summary>
    /// <exception cref="ArgumentException">The tenant is empty, the tier is not the program's, or the cursor is not the store's.</exception>
    /// <exception cref="InvalidOperationException">The program has no tiers.</exception>
    public async Task<Page<MemberTier>> GetMembersByTierAsync(TenantId tenantId, string tierId, PageRequest page, CancellationToken cancellationToken = default)
    {
        TenantId.ThrowIfEmpty(tenantId);
        TierWindowOrThrow();
        if (!Program.Tiers.Any(t => string.Equals(t.Id, tierId, StringComparison.Ordinal)))
        {
            throw new ArgumentException($"'{tierId}' is not a tier of the loyalty program '{Program.Id}'.", nameof(tierId));
        }

        var result = await TierStore.ListMembersByTierAsync(tenantId, tierId, page, cancellationToken).ConfigureAwait(false);
        return result.Items.Count <= page.Size && result.Items.All(m => string.Equals(m.TierId, tierId, StringComparison.Ordinal))
            ? result
            : throw new InvalidOperationException($"The loyalty store returned members of another tier when asked for tier '{tierId}' of tenant '{tenantId}'.");
    }

    private ILoyaltyTierStore TierStore => _store as ILoyaltyTierStore
        ?? throw new InvalidOperationException($"The loyalty store ({_store.GetType().FullName}) does not implement ILoyaltyTierStore, which a program with tiers needs.");

    private TierWindow TierWindowOrThrow()
        => Program.Tiers.Count > 0 && Program.TierWindow is { } window ? window : throw new InvalidOperationException($"The loyalty program '{Program.Id}' has no tiers.");

    private Instant AsOfOrNow(Instant? asOf)
    {
        var now = _clock.GetCurrentInstant();
        return asOf is { } a && a > now ? throw new ArgumentOutOfRangeException(nameof(asOf), a, "A tier review cannot be run for a future instant.") : asOf ?? now;
    }

    private async Task<(TierChange? Change, bool Written)> ReviewTierAsync(TenantId tenantId, ContactId contactId, Instant? asOf, CancellationToken cancellationToken)
    {
        Check(tenantId, contactId);
        TierWindowOrThrow();
        var at = AsOfOrNow(asOf);
        for (var attempt = 1; ; attempt++)
        {
            var balanceVersion = await _store.GetVersionAsync(tenantId, LoyaltyChangeSet.BalanceCounter(contactId), cancellationToken).ConfigureAwait(false);
            var state = await ReadMemberTierAsync(tenantId, contactId, cancellationToken).ConfigureAwait(false);
            var all = await ReadLedgerAsync(tenantId, contactId, cancellationToken).ConfigureAwait(false);
            if (Review([.. all.Where(e => e.RecordedAt <= at)], at) is not { } review)
            {
                return (null, false);
            }

            // Entries recorded after the as-of instant (an accrual that overtook the review) raised no tier while the
            // stored one was higher: the review never moves a member below what the ledger as it stands reaches.
            if (all.Count > 0 && all.Max(e => e.RecordedAt) is var last && last > at)
            {
                var (lastStart, _) = Program.TierWindow!.Bounds(last, Program.TimeZone, JoinedOn(all));
                var lately = SumQualifying(all, lastStart, last);
                if (Program.RankReached(lately) > review.Supported)
                {
                    review = (review.Date, lately, Program.RankReached(lately));
                }
            }

            var key = $"tier:review:{contactId}:{review.Date.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}";
            if (await TierStore.FindTierChangeByKeyAsync(tenantId, key, cancellationToken).ConfigureAwait(false) is { } first)
            {
                return first.TenantId == tenantId && first.ContactId == contactId ? (first, false) : throw WrongRecord(tenantId, contactId);
            }

            var held = Program.RankOf(state.TierId);
            var target = review.Supported >= held ? review.Supported
                : Program.TierDowngrade == TierDowngradePolicy.OneStepDown ? held - 1 : review.Supported;
            if (target == held)
            {
                return (null, false);
            }

            var change = new TierChange(tenantId, contactId, state.TierId, Program.TierAt(target)?.Id, target > held ? TierChangeReason.Upgrade : TierChangeReason.Downgrade, at, review.Qualifying, key);
            var changes = new LoyaltyChangeSet
            {
                TierChanges = [change],
                Events = [_eventIds.Identify(Changed(change))],
                VersionChecks =
                [
                    new VersionCheck(LoyaltyChangeSet.BalanceCounter(contactId), balanceVersion, advance: false),
                    LoyaltyChangeSet.TierCheck(contactId, state.Version, advance: true),
                ],
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

            Log.TierChanged(_logger, tenantId, contactId, change.FromTierId, change.ToTierId, change.Reason);
            return (change, true);
        }
    }

    /// <summary>What a review at <paramref name="asOf"/> measures: the period's key date, the qualifying figure and the rank it supports; <see langword="null"/> when no period is due.</summary>
    private (LocalDate Date, decimal Qualifying, int Supported)? Review(List<LedgerEntry> entries, Instant asOf)
    {
        var window = Program.TierWindow!;
        var zone = Program.TimeZone;
        var grace = Program.TierGracePeriod ?? Period.Zero;
        var date = asOf.InZone(zone).Date;
        var joinedOn = JoinedOn(entries);
        if (window.Kind == TierWindowKind.Rolling)
        {
            var start = zone.AtStartOfDay(date.Minus(grace).Minus(window.Length!).PlusDays(1)).ToInstant();
            var figure = SumQualifying(entries, start, asOf);
            return (date, figure, Program.RankReached(figure));
        }

        var (currentStart, _) = window.Bounds(asOf, zone, joinedOn);
        var periodEnd = currentStart.InZone(zone).Date;
        LocalDate? previousStart = window.Kind switch
        {
            TierWindowKind.CalendarYear => periodEnd.PlusYears(-1),
            TierWindowKind.CalendarQuarter => periodEnd.PlusMonths(-3),
            _ => joinedOn is { } j && periodEnd > j ? periodEnd.PlusYears(-1) : null,
        };
        var graceEnd = periodEnd.Plus(grace);
        if (previousStart is not { } from || date < graceEnd)
        {
            return null;
        }

        var previous = SumQualifying(entries, zone.AtStartOfDay(from).ToInstant(), zone.AtStartOfDay(graceEnd).ToInstant() - Duration.Epsilon);
        var current = SumQualifying(entries, currentStart, asOf);
        var (previousRank, currentRank) = (Program.RankReached(previous), Program.RankReached(current));
        return previousRank >= currentRank ? (periodEnd, previous, previousRank) : (periodEnd, current, currentRank);
    }

    /// <summary>The tier part of a command's change set: when the plan earns and the window's total (with the plan's entries) reaches a higher tier than stored, the upgrade, its event and the tier guard.</summary>
    private async Task<TierPlan> PlanTierAsync(TenantId tenantId, ContactId contactId, LedgerPlan plan, Instant now, CancellationToken cancellationToken)
    {
        if (Program.Tiers.Count == 0 || Program.TierWindow is not { } window || plan.Entries.FirstOrDefault(e => e.Kind == LedgerEntryKind.Earn) is not { } earning)
        {
            return TierPlan.None;
        }

        var state = plan.TierState ?? await ReadMemberTierAsync(tenantId, contactId, cancellationToken).ConfigureAwait(false);
        var entries = (await ReadLedgerAsync(tenantId, contactId, cancellationToken).ConfigureAwait(false)).Concat(plan.Entries).Where(e => e.RecordedAt <= now).ToList();
        var (start, _) = window.Bounds(now, Program.TimeZone, JoinedOn(entries));
        var qualifying = SumQualifying(entries, start, now);
        var reached = Program.RankReached(qualifying);
        if (reached <= Program.RankOf(state.TierId))
        {
            return new TierPlan([], [LoyaltyChangeSet.TierCheck(contactId, state.Version, advance: false)], []);
        }

        var change = new TierChange(tenantId, contactId, state.TierId, Program.TierAt(reached)!.Id, TierChangeReason.Upgrade, now, qualifying, $"tier:up:{earning.Id}")
        {
            CausedByEntryId = earning.Id,
        };
        return new TierPlan([change], [LoyaltyChangeSet.TierCheck(contactId, state.Version, advance: true)], [Changed(change)]);
    }

    private static TierChanged Changed(TierChange change)
        => new(change.TenantId, change.ChangedAt, change.ContactId, change.FromTierId, change.ToTierId, change.Reason, change.Qualifying);

    /// <summary>The member's stored tier, for a tiered program; <see langword="null"/> otherwise.</summary>
    private async Task<TierState?> TierForEarningAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken)
        => Program.Tiers.Count == 0 ? null : await ReadMemberTierAsync(tenantId, contactId, cancellationToken).ConfigureAwait(false);

    /// <summary>The member's stored tier with the tier counter's version, read before it: a change in between makes the version stale, so a decision on it fails at commit and is re-made.</summary>
    private async Task<TierState> ReadMemberTierAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken)
    {
        var version = await _store.GetVersionAsync(tenantId, LoyaltyChangeSet.TierCounter(contactId), cancellationToken).ConfigureAwait(false);
        var tier = await TierStore.GetMemberTierAsync(tenantId, contactId, cancellationToken).ConfigureAwait(false);
        return tier.ContactId == contactId ? new TierState(tier.TierId, tier.Since, version) : throw WrongRecord(tenantId, contactId);
    }

    private async IAsyncEnumerable<TierChange> TierHistoryAsync(TenantId tenantId, ContactId contactId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? cursor = null;
        do
        {
            var page = await GetTierHistoryAsync(tenantId, contactId, new PageRequest(PageRequest.MaxPageSize, cursor), cancellationToken).ConfigureAwait(false);
            foreach (var change in page.Items)
            {
                yield return change;
            }

            cursor = page.NextCursor;
        }
        while (cursor is not null);
    }

    private async Task<List<LedgerEntry>> ReadLedgerAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken)
    {
        var entries = new List<LedgerEntry>();
        string? cursor = null;
        do
        {
            var page = await GetEntriesAsync(tenantId, contactId, new PageRequest(PageRequest.MaxPageSize, cursor), cancellationToken).ConfigureAwait(false);
            entries.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        return entries;
    }

    private LocalDate? JoinedOn(List<LedgerEntry> entries) => entries.Count == 0 ? null : entries.Min(e => e.RecordedAt).InZone(Program.TimeZone).Date;

    /// <summary>The qualifying total of the entries recorded in [<paramref name="from"/>, <paramref name="to"/>].</summary>
    private decimal SumQualifying(List<LedgerEntry> entries, Instant from, Instant to) => entries.Where(e => e.RecordedAt >= from && e.RecordedAt <= to).Sum(Qualifying);

    /// <summary>What one entry adds to a member's qualifying total: earnings count, the reversal of an earning counts against them, nothing else counts.</summary>
    private decimal Qualifying(LedgerEntry entry)
    {
        var figures = Members.LedgerEntryFigures.Of(entry, reversedKind: null);
        return Program.TierQualification == TierQualification.MoneySpent ? figures.MoneySpent : figures.PointsEarned;
    }

    /// <summary>A member's stored tier and the tier counter's version a decision on it is guarded by.</summary>
    private sealed record TierState(string? TierId, Instant? Since, long Version);

    /// <summary>The tier part of a change set.</summary>
    private sealed record TierPlan(IReadOnlyList<TierChange> Changes, IReadOnlyList<VersionCheck> Checks, IReadOnlyList<CrmEvent> Events)
    {
        public static TierPlan None { get; } = new([], [], []);
    }
}
