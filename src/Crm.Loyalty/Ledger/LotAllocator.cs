using NodaTime;

namespace Crm.Loyalty.Ledger;

/// <summary>Allocates debits to lots (soonest-expiring first) and settles debts from credits.</summary>
internal static class LotAllocator
{
    /// <summary>Orders lots soonest-expiring first: by expiry (never-expiring last), then credit time, then id.</summary>
    public static IEnumerable<LotBalance> SoonestExpiringFirst(IEnumerable<LotBalance> lots)
        => lots.OrderBy(l => l.Lot.ExpiresAt ?? Instant.MaxValue).ThenBy(l => l.Lot.CreditedAt).ThenBy(l => l.Lot.Id);

    /// <summary>Whether a lot can pay a debit at <paramref name="now"/>: active, not expired, not past its expiry.</summary>
    public static bool IsSpendable(LotBalance lot, Instant now)
        => lot.Remaining > 0 && lot.IsActive && !lot.IsExpired && (lot.Lot.ExpiresAt is not { } e || e > now);

    /// <summary>Takes up to <paramref name="points"/> from <paramref name="lots"/> in the order given.</summary>
    public static (List<LotAllocation> Allocations, long Taken) Take(IEnumerable<LotBalance> lots, long points, LedgerEntryId entryId)
    {
        var allocations = new List<LotAllocation>();
        var left = points;
        foreach (var lot in lots)
        {
            if (left == 0)
            {
                break;
            }

            var take = Math.Min(left, lot.Remaining);
            if (take > 0)
            {
                allocations.Add(new LotAllocation(lot.Lot.Id, entryId, take));
                left -= take;
            }
        }

        return (allocations, points - left);
    }

    /// <summary>Settles outstanding debts, oldest first, from credited amounts (lot id → points available to settle).</summary>
    public static List<LotAllocation> SettleDebts(IReadOnlyList<DebtBalance> debts, IEnumerable<(LedgerEntryId LotId, long Points)> credits)
    {
        var allocations = new List<LotAllocation>();
        var queue = new Queue<DebtBalance>(debts.Where(d => d.Outstanding > 0));
        var owed = queue.Count > 0 ? queue.Peek().Outstanding : 0;
        foreach (var (lotId, points) in credits)
        {
            var left = points;
            while (left > 0 && queue.Count > 0)
            {
                var pay = Math.Min(left, owed);
                allocations.Add(new LotAllocation(lotId, queue.Peek().EntryId, pay));
                left -= pay;
                owed -= pay;
                if (owed == 0)
                {
                    queue.Dequeue();
                    owed = queue.Count > 0 ? queue.Peek().Outstanding : 0;
                }
            }
        }

        return allocations;
    }
}
