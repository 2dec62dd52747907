using Crm.Loyalty.Events;
using Crm.Loyalty.Ledger;
using NodaTime;

namespace Crm.Loyalty;

public sealed partial class LoyaltyManager
{
    /// <summary>Spends <paramref name="points"/> of the member's available points, allocated to lots soonest-expiring first; atomic against concurrent debits.</summary>
    /// <remarks>Only active lots not yet past their expiry at the clock's now pay (a lot past its expiry that no expiry command has processed yet is not spent).</remarks>
    /// <returns>The redemption entry (the first one for a repeated key).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="points"/> is not positive.</exception>
    /// <exception cref="ArgumentException">An id or the key is empty, or the key was used for another member.</exception>
    /// <exception cref="InsufficientPointsException">The member does not have enough available points; nothing was written.</exception>
    public async Task<LedgerEntry> RedeemAsync(TenantId tenantId, ContactId contactId, long points, IdempotencyKey key, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(points);
        var entryKey = LedgerKeys.Command("redeem", key);
        var entries = await CommitAsync(
            tenantId,
            contactId,
            entryKey,
            (account, now, _) =>
            {
                var entry = new LedgerEntry(tenantId, LedgerEntryId.New(), contactId, LedgerEntryKind.Redeem, -points, now, entryKey);
                var allocations = Debit(tenantId, account, entry, points, now);
                return ValueTask.FromResult<LedgerPlan?>(new LedgerPlan([entry], [], allocations, [new PointsRedeemed(tenantId, now, contactId, entry.Id, points)]));
            },
            cancellationToken).ConfigureAwait(false);
        return entries[0];
    }

    /// <summary>Adjusts the member's points by hand (goodwill, a surprise gift, a correction) with a reason: a positive adjustment is a new lot with the program's expiry, a negative one is debited like a redemption.</summary>
    /// <returns>The adjustment entry (the first one for a repeated key).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="points"/> is zero.</exception>
    /// <exception cref="ArgumentException">The reason is not a code (<see cref="LedgerEntry.ValidateReason"/>), or an id or the key is empty.</exception>
    /// <exception cref="InsufficientPointsException">A negative adjustment exceeds the available points; nothing was written.</exception>
    public async Task<LedgerEntry> AdjustAsync(TenantId tenantId, ContactId contactId, long points, string reason, IdempotencyKey key, CancellationToken cancellationToken = default)
    {
        if (points == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(points), points, "An adjustment moves at least one point.");
        }

        LedgerEntry.ValidateReason(reason, nameof(reason));

        var entryKey = LedgerKeys.Command("adjust", key);
        var entries = await CommitAsync(
            tenantId,
            contactId,
            entryKey,
            (account, now, _) =>
            {
                var entry = new LedgerEntry(tenantId, LedgerEntryId.New(), contactId, LedgerEntryKind.Adjust, points, now, entryKey) { Reason = reason };
                var adjusted = new PointsAdjusted(tenantId, now, contactId, entry.Id, points);
                return ValueTask.FromResult<LedgerPlan?>(points > 0
                    ? CreditPlan(account, entry, now, Duration.Zero, Program.ExpiryMonths, adjusted)
                    : new LedgerPlan([entry], [], Debit(tenantId, account, entry, -points, now), [adjusted]));
            },
            cancellationToken).ConfigureAwait(false);
        return entries[0];
    }

    /// <summary>Cancels a redemption: its points go back to the lots they came from, or — for lots that have expired since — to one new lot valid for <see cref="Program.LoyaltyProgram.RestoredPointsExpiryMonths"/>.</summary>
    /// <remarks>A redemption is cancelled once, whole; the key is derived from the redemption (<c>cancel-redemption:{id}</c>), so a repeat returns the first cancellation.</remarks>
    /// <returns>The reversal entry.</returns>
    /// <exception cref="ArgumentException">An id is empty.</exception>
    /// <exception cref="LedgerEntryNotFoundException">The member has no redemption with that id.</exception>
    public async Task<LedgerEntry> CancelRedemptionAsync(TenantId tenantId, ContactId contactId, LedgerEntryId redemptionId, CancellationToken cancellationToken = default)
    {
        LedgerEntryId.ThrowIfEmpty(redemptionId);
        var entryKey = LedgerKeys.Command("cancel-redemption", new IdempotencyKey(redemptionId.ToString()));
        var entries = await CommitAsync(
            tenantId,
            contactId,
            entryKey,
            async (account, now, ct) =>
            {
                var redemption = await _store.FindEntryAsync(tenantId, redemptionId, ct).ConfigureAwait(false);
                if (redemption is null || redemption.TenantId != tenantId || redemption.ContactId != contactId || redemption.Kind != LedgerEntryKind.Redeem)
                {
                    throw new LedgerEntryNotFoundException(redemptionId.ToString(), "redemption");
                }

                var taken = await _store.ListAllocationsAsync(tenantId, redemptionId, ct).ConfigureAwait(false);
                var lots = (await _store.ListLotsAsync(tenantId, contactId, ct).ConfigureAwait(false)).ToDictionary(l => l.Lot.Id);
                var entry = new LedgerEntry(tenantId, LedgerEntryId.New(), contactId, LedgerEntryKind.Reverse, -redemption.Points, now, entryKey) { ReversesEntryId = redemptionId };
                var allocations = new List<LotAllocation>();
                var credits = new List<(LedgerEntryId LotId, long Points)>();
                long toNewLot = 0;
                foreach (var part in taken.Where(a => a.EntryId == redemptionId && a.Points > 0))
                {
                    if (lots.TryGetValue(part.LotId, out var lot) && !lot.IsExpired && (lot.Lot.ExpiresAt is not { } e || e > now))
                    {
                        allocations.Add(new LotAllocation(part.LotId, entry.Id, -part.Points));
                        credits.Add((part.LotId, part.Points));
                    }
                    else
                    {
                        toNewLot += part.Points;
                    }
                }

                var newLots = new List<PointsLot>();
                if (toNewLot > 0)
                {
                    newLots.Add(new PointsLot(entry.Id, contactId, toNewLot, now, now, Program.ExpiryOf(now, Program.RestoredPointsExpiryMonths)));
                    credits.Add((entry.Id, toNewLot));
                }

                allocations.AddRange(LotAllocator.SettleDebts(account.Debts, credits));
                return new LedgerPlan([entry], newLots, allocations, [new PointsReversed(tenantId, now, contactId, entry.Id, entry.Points, redemptionId)]);
            },
            cancellationToken).ConfigureAwait(false);
        return entries[0];
    }

    /// <summary>Allocates a debit of <paramref name="points"/> to the spendable lots, soonest-expiring first, or throws.</summary>
    private List<LotAllocation> Debit(TenantId tenantId, Storage.LoyaltyAccount account, LedgerEntry entry, long points, Instant now)
    {
        var spendable = account.OpenLots.Where(l => LotAllocator.IsSpendable(l, now)).ToList();
        var available = Math.Max(0, spendable.Sum(l => l.Remaining) - account.Debts.Sum(d => d.Outstanding));
        if (points > available)
        {
            Log.DebitRefused(_logger, tenantId, entry.ContactId, points, InsufficientPointsException.ErrorCode);
            throw new InsufficientPointsException(entry.ContactId, points, available);
        }

        return LotAllocator.Take(LotAllocator.SoonestExpiringFirst(spendable), points, entry.Id).Allocations;
    }
}
