using Crm.Events;
using Crm.Loyalty.Events;
using Crm.Loyalty.Ledger;
using Crm.Loyalty.Program;
using Crm.Loyalty.Storage;
using Crm.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Crm.Loyalty;

/// <summary>
/// Runs a loyalty program on the append-only points ledger: earning, redemption, refunds, adjustments, expiry and
/// activation. It validates every input, decides against the member's lots, and writes one atomic change set per command.
/// </summary>
/// <remarks>
/// <para><b>Idempotency.</b> Every command's entry carries a key derived from its source (<see cref="LedgerKeys"/>), which
/// the store keeps unique: repeating a command returns the first command's entry and writes nothing, also when the
/// repeats race each other.</para>
/// <para><b>Concurrency.</b> Every change set is guarded by the member's balance version
/// (<see cref="LoyaltyChangeSet.BalanceCheck"/>): a command decided against a balance another command has since moved
/// fails in the store, re-reads and re-decides. So of concurrent redemptions that would together overdraw an account,
/// exactly those that fit succeed and the others throw <see cref="InsufficientPointsException"/>, changing nothing.</para>
/// <para><b>Time.</b> Reading changes nothing: expiry and activation happen only through <see cref="ExpireAsync"/> and
/// <see cref="ActivateAsync"/> for an explicit as-of instant, by default the injected <see cref="IClock"/>'s now.</para>
/// </remarks>
public sealed partial class LoyaltyManager
{
    private readonly ILoyaltyStore _store;
    private readonly IClock _clock;
    private readonly ICrmEventIdGenerator _eventIds;
    private readonly ILogger<LoyaltyManager> _logger;
    private readonly LoyaltyOptions _options;

    /// <summary>Creates the manager (a host resolves it from DI after <c>AddLoyalty()</c>).</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="LoyaltyProgramException">The configured program is missing or invalid.</exception>
    /// <exception cref="ArgumentException">The program has tiers and the store does not implement <see cref="ILoyaltyTierStore"/>, or has badges and the store does not implement <see cref="ILoyaltyBadgeStore"/>.</exception>
    public LoyaltyManager(ILoyaltyStore store, IClock clock, ICrmEventIdGenerator eventIds, ILogger<LoyaltyManager> logger, IOptions<LoyaltyOptions> options)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(eventIds);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _clock = clock;
        _eventIds = eventIds;
        _logger = logger;
        _options = options.Value;
        Program = _options.Program ?? throw new LoyaltyProgramException("(none)", ["LoyaltyOptions.Program must be set."]);
        Program.ThrowIfInvalid();
        if (Program.Tiers.Count > 0 && store is not ILoyaltyTierStore)
        {
            throw new ArgumentException($"The loyalty program '{Program.Id}' has tiers, so its store must implement ILoyaltyTierStore ({store.GetType().FullName} does not).", nameof(store));
        }

        if (Program.Badges.Count > 0 && store is not ILoyaltyBadgeStore)
        {
            throw new ArgumentException($"The loyalty program '{Program.Id}' has badges, so its store must implement ILoyaltyBadgeStore ({store.GetType().FullName} does not).", nameof(store));
        }
    }

    /// <summary>The program the manager runs.</summary>
    public LoyaltyProgram Program { get; }

    /// <summary>The member's balance as the ledger stands; reading changes nothing (no expiry, no activation).</summary>
    /// <exception cref="ArgumentException">The tenant or member id is empty.</exception>
    public async Task<PointsBalance> GetBalanceAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken = default)
        => (await ReadAccountAsync(tenantId, contactId, cancellationToken).ConfigureAwait(false)).Balance;

    /// <summary>Every lot of the member with what is left of it.</summary>
    /// <exception cref="ArgumentException">The tenant or member id is empty.</exception>
    public async Task<IReadOnlyList<LotBalance>> GetLotsAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken = default)
    {
        Check(tenantId, contactId);
        var lots = await _store.ListLotsAsync(tenantId, contactId, cancellationToken).ConfigureAwait(false);
        return lots.All(l => l.Lot.ContactId == contactId) ? lots : throw WrongRecord(tenantId, contactId);
    }

    /// <summary>One page of the member's ledger in the order it was written.</summary>
    /// <exception cref="ArgumentException">The tenant or member id is empty, or the cursor is not the store's.</exception>
    public async Task<Page<LedgerEntry>> GetEntriesAsync(TenantId tenantId, ContactId contactId, PageRequest page, CancellationToken cancellationToken = default)
    {
        Check(tenantId, contactId);
        var result = await _store.ListEntriesAsync(tenantId, contactId, page, cancellationToken).ConfigureAwait(false);
        return result.Items.Count <= page.Size && result.Items.All(e => e.TenantId == tenantId && e.ContactId == contactId) ? result : throw WrongRecord(tenantId, contactId);
    }

    private static void Check(TenantId tenantId, ContactId contactId)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ContactId.ThrowIfEmpty(contactId);
    }

    private static InvalidOperationException WrongRecord(TenantId tenantId, ContactId contactId)
        => new($"The loyalty store returned records of another tenant or member when asked for member '{contactId}' of tenant '{tenantId}'.");

    private async Task<LoyaltyAccount> ReadAccountAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken)
    {
        Check(tenantId, contactId);
        var account = await _store.GetAccountAsync(tenantId, contactId, cancellationToken).ConfigureAwait(false);
        return account.ContactId == contactId && account.OpenLots.All(l => l.Lot.ContactId == contactId) ? account : throw WrongRecord(tenantId, contactId);
    }

    /// <summary>
    /// Runs one command: returns the entry already recorded under <paramref name="key"/> (a repeat), or reads the account,
    /// lets <paramref name="decide"/> plan the change, and saves it guarded by the balance version; on a conflict, repeats.
    /// </summary>
    private async Task<IReadOnlyList<LedgerEntry>> CommitAsync(
        TenantId tenantId,
        ContactId contactId,
        string? key,
        Func<LoyaltyAccount, Instant, CancellationToken, ValueTask<LedgerPlan?>> decide,
        CancellationToken cancellationToken)
    {
        Check(tenantId, contactId);
        for (var attempt = 1; ; attempt++)
        {
            if (key is not null && await FindRepeatAsync(tenantId, contactId, key, cancellationToken).ConfigureAwait(false) is { } first)
            {
                Log.CommandReplayed(_logger, tenantId, contactId, first.Id);
                return [first];
            }

            var account = await ReadAccountAsync(tenantId, contactId, cancellationToken).ConfigureAwait(false);
            var now = _clock.GetCurrentInstant();
            var plan = await decide(account, now, cancellationToken).ConfigureAwait(false);
            if (plan is null || plan.Entries.Count == 0)
            {
                return [];
            }

            var tier = await PlanTierAsync(tenantId, contactId, plan, now, cancellationToken).ConfigureAwait(false);
            var changes = new LoyaltyChangeSet
            {
                Entries = plan.Entries,
                LotsCreated = plan.Lots,
                Allocations = plan.Allocations,
                Events = plan.Events.Concat(tier.Events).Select(e => _eventIds.Identify(e)).ToList(),
                VersionChecks = [LoyaltyChangeSet.BalanceCheck(contactId, account.Version), .. plan.Checks, .. tier.Checks],
                TierChanges = tier.Changes,
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

            foreach (var change in tier.Changes)
            {
                Log.TierChanged(_logger, tenantId, contactId, change.FromTierId, change.ToTierId, change.Reason);
            }

            foreach (var entry in plan.Entries)
            {
                if (entry.Points > 0)
                {
                    Log.PointsCredited(_logger, tenantId, contactId, entry.Kind, entry.Id, entry.Points);
                }
                else if (entry.Points < 0)
                {
                    Log.PointsDebited(_logger, tenantId, contactId, entry.Kind, entry.Id, -entry.Points);
                }
            }

            return plan.Entries;
        }
    }

    private async Task<LedgerEntry?> FindRepeatAsync(TenantId tenantId, ContactId contactId, string key, CancellationToken cancellationToken)
    {
        var existing = await _store.FindEntryByKeyAsync(tenantId, key, cancellationToken).ConfigureAwait(false);
        if (existing is null)
        {
            return null;
        }

        if (existing.TenantId != tenantId || !string.Equals(existing.IdempotencyKey, key, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The loyalty store returned an entry of another tenant or key when asked for a key of tenant '{tenantId}'.");
        }

        return existing.ContactId == contactId
            ? existing
            : throw new ArgumentException($"The idempotency key '{key}' was already used for another member; a key identifies one command.", nameof(key));
    }

    /// <summary>Credits the points of <paramref name="entry"/> as a new lot, settling outstanding debts from it first.</summary>
    private LedgerPlan CreditPlan(LoyaltyAccount account, LedgerEntry entry, Instant now, Duration hold, int? expiryMonths, CrmEvent domainEvent)
    {
        var lot = new PointsLot(entry.Id, entry.ContactId, entry.Points, now, now + hold, Program.ExpiryOf(now, expiryMonths));
        var settlements = LotAllocator.SettleDebts(account.Debts, [(lot.Id, lot.Points)]);
        return new LedgerPlan([entry], [lot], settlements, [domainEvent]);
    }

    /// <summary>What one command writes.</summary>
    private sealed record LedgerPlan(IReadOnlyList<LedgerEntry> Entries, IReadOnlyList<PointsLot> Lots, IReadOnlyList<LotAllocation> Allocations, IReadOnlyList<CrmEvent> Events)
    {
        /// <summary>Guards besides the member's balance version.</summary>
        public IReadOnlyList<VersionCheck> Checks { get; init; } = [];

        /// <summary>The stored tier the plan was decided with (its earning multiplier), so the tier guard checks that version; <see langword="null"/> to read it when the change set is built.</summary>
        public TierState? TierState { get; init; }
    }
}
