using Crm.Loyalty.Ledger;

namespace Crm.Loyalty.Program;

/// <summary>What a purchase would earn, computed without writing anything; an accrual of the same purchase at the same moment records exactly this.</summary>
/// <param name="Points">The points, after rounding and caps.</param>
/// <param name="Snapshot">Per line: the amount, the basis, the rules, the rate, the multiplier and the points.</param>
public sealed record EarningPreview(long Points, EarningSnapshot Snapshot);
