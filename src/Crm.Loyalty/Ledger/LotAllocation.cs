namespace Crm.Loyalty.Ledger;

/// <summary>A part of a lot consumed by a debit entry (positive <see cref="Points"/>) or given back to it by a reversal (negative).</summary>
/// <remarks>Allocations are appended, never changed: a lot's remaining points are its original points minus the sum of its allocations.</remarks>
public sealed record LotAllocation
{
    /// <summary>Creates the allocation.</summary>
    /// <exception cref="ArgumentException">An id is empty or <paramref name="points"/> is zero.</exception>
    public LotAllocation(LedgerEntryId lotId, LedgerEntryId entryId, long points)
    {
        LedgerEntryId.ThrowIfEmpty(lotId);
        LedgerEntryId.ThrowIfEmpty(entryId);
        if (points == 0)
        {
            throw new ArgumentException("An allocation moves at least one point.", nameof(points));
        }

        LotId = lotId;
        EntryId = entryId;
        Points = points;
    }

    /// <summary>The lot (the id of the entry that created it).</summary>
    public LedgerEntryId LotId { get; }

    /// <summary>The entry the points were allocated to.</summary>
    public LedgerEntryId EntryId { get; }

    /// <summary>Points taken from the lot (negative: given back to it).</summary>
    public long Points { get; }
}
