using Crm.Loyalty.Events;
using Crm.Loyalty.Ledger;
using Crm.Loyalty.Program;

namespace Crm.Loyalty;

public sealed partial class LoyaltyManager
{
    /// <summary>Takes back the points a refunded purchase earned, pro rata per line from the earning's stored snapshot; when they were already spent, the program's <see cref="DebtPolicy"/> decides.</summary>
    /// <remarks>
    /// <para>Per line, the refunds so far add up to a refunded share of the line's net amount; the points taken back so far
    /// are that share of the line's points, rounded down, so the refund completing a line takes back exactly the rest. A
    /// refund whose share rounds to no point is still recorded (a zero-point reversal), so the next refund counts it.</para>
    /// <para>Points come first from the purchase's own lot (pending or not), then from the member's other lots
    /// soonest-expiring first. What they do not cover is, by policy: a debt (the entry takes back everything and the
    /// balance goes negative), written off (the entry takes back what was there and records the rest in
    /// <see cref="LedgerEntry.WrittenOff"/>), or refused (<see cref="PointsAlreadySpentException"/>).</para>
    /// </remarks>
    /// <returns>The reversal entry (the first one for a repeated refund), or <see langword="null"/> when the purchase earned no points.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="refund"/> is null.</exception>
    /// <exception cref="ArgumentException">An id is empty, a refunded line is not in the purchase or not in the program's currency, or more is refunded than the line's net amount.</exception>
    /// <exception cref="PointsAlreadySpentException">The policy is <see cref="DebtPolicy.Refuse"/> and the points were spent; nothing was written.</exception>
    public async Task<LedgerEntry?> RefundAsync(TenantId tenantId, ContactId contactId, PurchaseRefund refund, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(refund);
        Check(tenantId, contactId);
        var earning = await _store.FindEntryByKeyAsync(tenantId, LedgerKeys.Earning(refund.PurchaseSourceType, refund.PurchaseSourceId), cancellationToken).ConfigureAwait(false);
        if (earning is null || earning.ContactId != contactId || earning.Snapshot is null)
        {
            return null;
        }

        var key = LedgerKeys.Refund(refund.PurchaseSourceType, refund.PurchaseSourceId, refund.RefundId);
        var entries = await CommitAsync(
            tenantId,
            contactId,
            key,
            async (account, now, ct) =>
            {
                var previous = await _store.ListReversalsAsync(tenantId, earning.Id, ct).ConfigureAwait(false);
                var lines = ReversedLines(earning.Snapshot, previous, refund);
                var toReverse = lines.Sum(l => l.Points);
                var entryId = LedgerEntryId.New();
                var own = account.OpenLots.Where(l => l.Lot.Id == earning.Id);
                var others = LotAllocator.SoonestExpiringFirst(account.OpenLots.Where(l => l.Lot.Id != earning.Id));
                var (allocations, taken) = LotAllocator.Take(own.Concat(others), toReverse, entryId);
                var shortfall = toReverse - taken;
                if (shortfall > 0 && Program.DebtPolicy == DebtPolicy.Refuse)
                {
                    Log.DebitRefused(_logger, tenantId, contactId, toReverse, PointsAlreadySpentException.ErrorCode);
                    throw new PointsAlreadySpentException(contactId, toReverse, taken);
                }

                var clamp = Program.DebtPolicy == DebtPolicy.ClampAtZero;
                var points = clamp ? -taken : -toReverse;
                var snapshot = new EarningSnapshot(earning.Snapshot.ProgramId, earning.Snapshot.Rounding, lines, 0) { TierId = earning.Snapshot.TierId, TierMultiplier = earning.Snapshot.TierMultiplier };
                var entry = new LedgerEntry(tenantId, entryId, contactId, LedgerEntryKind.Reverse, points, now, key)
                {
                    ReversesEntryId = earning.Id,
                    Snapshot = snapshot,
                    WrittenOff = clamp ? shortfall : 0,
                };
                var reversed = new PointsReversed(tenantId, now, contactId, entryId, points, earning.Id) { WrittenOff = entry.WrittenOff };
                return new LedgerPlan([entry], [], allocations, [reversed]);
            },
            cancellationToken).ConfigureAwait(false);
        return entries.Count == 0 ? null : entries[0];
    }

    /// <summary>The lines of a refund's reversal: per refunded line, the amount refunded now and the points that brings the line's cumulative reversal to.</summary>
    private List<EarnedLine> ReversedLines(EarningSnapshot earned, IReadOnlyList<LedgerEntry> previous, PurchaseRefund refund)
    {
        var before = previous.Where(e => e.Snapshot is not null).SelectMany(e => e.Snapshot!.Lines)
            .GroupBy(l => l.LineId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (Amount: g.Sum(l => l.Amount), Points: g.Sum(l => l.Points)), StringComparer.Ordinal);
        var requested = refund.IsFull
            ? earned.Lines.Select(l => (l.LineId, Amount: l.Amount - before.GetValueOrDefault(l.LineId).Amount)).Where(l => l.Amount > 0).ToList()
            : refund.Lines.Select(l => (l.LineId, Amount: CheckCurrency(l).Amount.Amount)).ToList();
        var lines = new List<EarnedLine>();
        foreach (var (lineId, amount) in requested)
        {
            var line = earned.Lines.FirstOrDefault(l => string.Equals(l.LineId, lineId, StringComparison.Ordinal))
                ?? throw new ArgumentException($"The refunded line '{lineId}' is not a line of the purchase's earning.", nameof(refund));
            var (amountBefore, pointsBefore) = before.GetValueOrDefault(lineId);
            var cumulative = amountBefore + amount;
            if (cumulative > line.Amount)
            {
                throw new ArgumentException($"Line '{lineId}' would be refunded {cumulative} of a net amount of {line.Amount}.", nameof(refund));
            }

            var target = line.Amount == 0 ? line.Points : (long)decimal.Floor(line.Points * cumulative / line.Amount);
            lines.Add(new EarnedLine(lineId, amount, 0m, line.RuleId, line.Rate, line.Multiplier, Math.Max(0, target - pointsBefore)));
        }

        return lines;
    }

    private RefundLine CheckCurrency(RefundLine line)
        => line.Amount.Currency == Program.Currency
            ? line
            : throw new ArgumentException($"Refunded line '{line.LineId}' is in {line.Amount.Currency}; the program earns on {Program.Currency}.", nameof(line));
}
