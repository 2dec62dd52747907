namespace Crm.Loyalty.Ledger;

/// <summary>What a refund does when the points it must take back were already spent.</summary>
/// <remarks>There is no default: a program must state its policy (<see cref="Program.LoyaltyProgram.DebtPolicy"/>).</remarks>
public enum DebtPolicy
{
    /// <summary>Not chosen; a program with this value is refused.</summary>
    Unset = 0,

    /// <summary>Take back every point: the shortfall becomes a visible debt (a negative balance) that later credits settle first.</summary>
    AllowNegativeBalance = 1,

    /// <summary>Take back what the member still holds and write the rest off (recorded on the entry); the balance stops at zero.</summary>
    ClampAtZero = 2,

    /// <summary>Refuse the reversal with <see cref="PointsAlreadySpentException"/>; nothing is written.</summary>
    Refuse = 3,
}
