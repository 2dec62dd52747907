using Crm.Loyalty.Ledger;

namespace Crm.Loyalty.Members;

/// <summary>What one ledger entry adds to a member's activity figures: the single definition the stores sum for rankings and that tiers qualify on.</summary>
/// <param name="PointsEarned">An earning's points; minus the points a refund clawback (a reversal with a snapshot) took back; 0 otherwise.</param>
/// <param name="MoneySpent">An earning's snapshot line amounts (net of discounts; 0 for event awards); minus the amounts a clawback refunded; 0 otherwise.</param>
/// <param name="PointsRedeemed">A redemption's points; minus the points a cancelled redemption (a reversal of a redemption) gave back; 0 otherwise.</param>
public sealed record LedgerEntryFigures(long PointsEarned, decimal MoneySpent, long PointsRedeemed)
{
    /// <summary>Nothing.</summary>
    public static LedgerEntryFigures None { get; } = new(0, 0m, 0);

    /// <summary>Whether the entry moves none of the figures.</summary>
    public bool IsNone => PointsEarned == 0 && MoneySpent == 0m && PointsRedeemed == 0;

    /// <summary>The figures of <paramref name="entry"/>; <paramref name="reversedKind"/> is the kind of the entry it reverses (needed for a reversal without snapshot).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="entry"/> is null.</exception>
    public static LedgerEntryFigures Of(LedgerEntry entry, LedgerEntryKind? reversedKind)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Kind switch
        {
            LedgerEntryKind.Earn => new(entry.Points, entry.Snapshot?.Lines.Sum(l => l.Amount) ?? 0m, 0),
            LedgerEntryKind.Reverse when entry.Snapshot is { } snapshot => new(-snapshot.Lines.Sum(l => l.Points), -snapshot.Lines.Sum(l => l.Amount), 0),
            LedgerEntryKind.Reverse when reversedKind == LedgerEntryKind.Redeem => new(0, 0m, -entry.Points),
            LedgerEntryKind.Redeem => new(0, 0m, -entry.Points),
            _ => None,
        };
    }
}
