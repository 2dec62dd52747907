namespace Crm.Loyalty.Ledger;

/// <summary>A lot with what is left of it, as derived from its allocations.</summary>
/// <param name="Lot">The lot.</param>
/// <param name="Remaining">Its points minus the points allocated from it.</param>
/// <param name="IsActive">Whether it can be spent: it was never held, or an activation entry made it available.</param>
/// <param name="IsExpired">Whether an expiry entry took its remainder.</param>
public sealed record LotBalance(PointsLot Lot, long Remaining, bool IsActive, bool IsExpired);
