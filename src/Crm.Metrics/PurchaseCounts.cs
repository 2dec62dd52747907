namespace Crm.Metrics;

/// <summary>What became of every purchase a windowed calculator read: counted, or skipped with the reason.</summary>
/// <param name="RowsRead">Every purchase added, whether it was counted or skipped (RowsRead = Included + BeforeStart + AfterEnd).</param>
/// <param name="Included">The purchases inside the window: the ones the figures are computed from.</param>
/// <param name="BeforeStart">The purchases skipped because their day is before the window's first day.</param>
/// <param name="AfterEnd">The purchases skipped because their day is after the window's last day.</param>
public sealed record PurchaseCounts(long RowsRead, long Included, long BeforeStart, long AfterEnd)
{
    internal static PurchaseCounts Of(long included, long beforeStart, long afterEnd) => new(included + beforeStart + afterEnd, included, beforeStart, afterEnd);
}
