using Crm.Loyalty.Ledger;
using Crm.Loyalty.Storage;

namespace Crm.Loyalty.InMemory;

/// <summary>One tenant's ledger in the in-memory store; every member is guarded by the partition's lock.</summary>
internal sealed partial class LoyaltyPartition
{
    public Lock Gate { get; } = new();

    public Dictionary<LedgerEntryId, LedgerEntry> Entries { get; } = [];

    public Dictionary<string, LedgerEntry> ByKey { get; } = new(StringComparer.Ordinal);

    public Dictionary<ContactId, List<LedgerEntry>> ByMember { get; } = [];

    public Dictionary<ContactId, List<PointsLot>> LotsByMember { get; } = [];

    public Dictionary<LedgerEntryId, PointsLot> Lots { get; } = [];

    public Dictionary<LedgerEntryId, long> AllocatedFromLot { get; } = [];

    public Dictionary<LedgerEntryId, List<LotAllocation>> AllocationsByEntry { get; } = [];

    public Dictionary<LedgerEntryId, List<LedgerEntry>> Reversals { get; } = [];

    public HashSet<LedgerEntryId> ActivatedLots { get; } = [];

    public HashSet<LedgerEntryId> ExpiredLots { get; } = [];

    public Dictionary<string, List<LedgerEntry>> RewardRedemptions { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, long> Counters { get; } = new(StringComparer.Ordinal);

    /// <summary>Whether an entry counts towards points earned: an earning, or the clawback of one (a reversal with a snapshot).</summary>
    public static bool CountsAsEarned(LedgerEntry entry)
        => entry.Kind == LedgerEntryKind.Earn || (entry.Kind == LedgerEntryKind.Reverse && entry.Snapshot is not null);

    public LotBalance BalanceOf(PointsLot lot)
        => new(lot, lot.Points - AllocatedFromLot.GetValueOrDefault(lot.Id), !lot.IsHeld || ActivatedLots.Contains(lot.Id), ExpiredLots.Contains(lot.Id));

    public long AllocatedTo(LedgerEntryId entryId)
        => AllocationsByEntry.TryGetValue(entryId, out var list) ? list.Sum(a => a.Points) : 0;

    public LoyaltyAccount Account(ContactId contactId)
    {
        var lots = LotsByMember.TryGetValue(contactId, out var list)
            ? list.Select(BalanceOf).Where(l => l.Remaining > 0).ToList()
            : [];
        var debts = new List<DebtBalance>();
        if (ByMember.TryGetValue(contactId, out var entries))
        {
            foreach (var entry in entries)
            {
                var owed = entry.Points < 0 ? -entry.Points - AllocatedTo(entry.Id) : 0;
                if (owed > 0)
                {
                    debts.Add(new DebtBalance(entry.Id, owed));
                }
            }
        }

        return new LoyaltyAccount(contactId, Counters.GetValueOrDefault(LoyaltyChangeSet.BalanceCounter(contactId)), lots, debts);
    }

    /// <summary>Checks the whole change set; throws before anything is written.</summary>
    public void Check(TenantId tenantId, LoyaltyChangeSet changes)
    {
        var counters = new HashSet<string>(StringComparer.Ordinal);
        foreach (var check in changes.VersionChecks)
        {
            if (!counters.Add(check.Counter))
            {
                throw new ArgumentException($"The change set names the counter '{check.Counter}' twice.", nameof(changes));
            }

            if (Counters.GetValueOrDefault(check.Counter) != check.ExpectedVersion)
            {
                throw new ConcurrencyConflictException("version counter", check.Counter);
            }
        }

        var newEntries = new Dictionary<LedgerEntryId, LedgerEntry>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        ContactId? member = null;
        foreach (var entry in changes.Entries)
        {
            ArgumentNullException.ThrowIfNull(entry, nameof(changes));
            if (entry.TenantId != tenantId)
            {
                throw new ArgumentException($"A change set for tenant '{tenantId}' holds an entry of another tenant.", nameof(changes));
            }

            if (member is { } m && m != entry.ContactId)
            {
                throw new ArgumentException("A loyalty change set writes the ledger of one member.", nameof(changes));
            }

            member = entry.ContactId;
            if (ByKey.ContainsKey(entry.IdempotencyKey) || !keys.Add(entry.IdempotencyKey))
            {
                throw new ConcurrencyConflictException("idempotency key", entry.IdempotencyKey);
            }

            if (Entries.ContainsKey(entry.Id) || !newEntries.TryAdd(entry.Id, entry))
            {
                throw new ConcurrencyConflictException("ledger entry", entry.Id.ToString());
            }
        }

        var newLots = new Dictionary<LedgerEntryId, PointsLot>();
        foreach (var lot in changes.LotsCreated)
        {
            ArgumentNullException.ThrowIfNull(lot, nameof(changes));
            if (!newEntries.TryGetValue(lot.Id, out var creator) || creator.ContactId != lot.ContactId || !newLots.TryAdd(lot.Id, lot))
            {
                throw new ArgumentException($"The lot '{lot.Id}' must share the id and member of one entry of the same change set.", nameof(changes));
            }
        }

        var lotDelta = new Dictionary<LedgerEntryId, long>();
        var entryDelta = new Dictionary<LedgerEntryId, long>();
        foreach (var allocation in changes.Allocations)
        {
            ArgumentNullException.ThrowIfNull(allocation, nameof(changes));
            var lot = newLots.GetValueOrDefault(allocation.LotId) ?? Lots.GetValueOrDefault(allocation.LotId)
                ?? throw new ArgumentException($"The allocation names the unknown lot '{allocation.LotId}'.", nameof(changes));
            var entry = newEntries.GetValueOrDefault(allocation.EntryId) ?? Entries.GetValueOrDefault(allocation.EntryId)
                ?? throw new ArgumentException($"The allocation names the unknown entry '{allocation.EntryId}'.", nameof(changes));
            if (lot.ContactId != entry.ContactId || (member is { } m && m != lot.ContactId))
            {
                throw new ArgumentException("An allocation moves points within one member's ledger.", nameof(changes));
            }

            lotDelta[lot.Id] = lotDelta.GetValueOrDefault(lot.Id) + allocation.Points;
            entryDelta[entry.Id] = entryDelta.GetValueOrDefault(entry.Id) + allocation.Points;
        }

        foreach (var (lotId, delta) in lotDelta)
        {
            var lot = newLots.GetValueOrDefault(lotId) ?? Lots[lotId];
            var remaining = lot.Points - AllocatedFromLot.GetValueOrDefault(lotId) - delta;
            if (remaining < 0 || remaining > lot.Points)
            {
                throw new ConcurrencyConflictException("points lot", lotId.ToString());
            }
        }

        foreach (var (entryId, delta) in entryDelta)
        {
            var entry = newEntries.GetValueOrDefault(entryId) ?? Entries[entryId];
            if (entry.Points < 0 && AllocatedTo(entryId) + delta > -entry.Points)
            {
                throw new ConcurrencyConflictException("points lot", entryId.ToString());
            }
        }

        CheckTierChanges(tenantId, member, changes);
        CheckBadges(tenantId, member, changes);
    }

    public void Apply(LoyaltyChangeSet changes)
    {
        ApplyTierChanges(changes);
        ApplyBadges(changes);
        foreach (var check in changes.VersionChecks.Where(c => c.Advance))
        {
            Counters[check.Counter] = check.ExpectedVersion + 1;
        }

        foreach (var entry in changes.Entries)
        {
            Entries.Add(entry.Id, entry);
            ByKey.Add(entry.IdempotencyKey, entry);
            Add(ByMember, entry.ContactId, entry);
            if (entry.RewardId is { } reward)
            {
                Add(RewardRedemptions, reward, entry);
            }

            if (entry.ReversesEntryId is { } reversed)
            {
                Add(Reversals, reversed, entry);
            }

            if (entry.LotId is { } lotId)
            {
                _ = entry.Kind == LedgerEntryKind.Activate ? ActivatedLots.Add(lotId) : entry.Kind == LedgerEntryKind.Expire && ExpiredLots.Add(lotId);
            }
        }

        foreach (var lot in changes.LotsCreated)
        {
            Lots.Add(lot.Id, lot);
            Add(LotsByMember, lot.ContactId, lot);
        }

        foreach (var allocation in changes.Allocations)
        {
            AllocatedFromLot[allocation.LotId] = AllocatedFromLot.GetValueOrDefault(allocation.LotId) + allocation.Points;
            Add(AllocationsByEntry, allocation.EntryId, allocation);
        }
    }

    private static void Add<TKey, TValue>(Dictionary<TKey, List<TValue>> map, TKey key, TValue value)
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(value);
    }
}
