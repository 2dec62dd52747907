namespace Crm.Loyalty.Members;

/// <summary>What one member did in a window, summed from the ledger entries recorded in it (<see cref="LedgerEntryFigures"/>), and the profit it gives.</summary>
/// <param name="ContactId">The member.</param>
/// <param name="PointsEarned">Points earned minus refund clawbacks.</param>
/// <param name="MoneySpent">Net amounts of the purchase lines that earned minus the amounts refunded on them, in the program's currency.</param>
/// <param name="PointsRedeemed">Points redeemed minus the points of cancelled redemptions.</param>
/// <param name="Profit">
/// <see cref="MoneySpent"/> − <see cref="PointsRedeemed"/> × <see cref="Program.LoyaltyProgram.PointValue"/> (× 0 when the
/// program does not price points, so profit is then money spent).</param>
public sealed record MemberActivity(ContactId ContactId, long PointsEarned, decimal MoneySpent, long PointsRedeemed, decimal Profit);
