namespace Crm.Loyalty.Program;

/// <summary>The most points a member can earn in a period; an earning that would exceed it is reduced, and the reduction is recorded.</summary>
/// <param name="Period">The period counted, in the program's time zone.</param>
/// <param name="MaxPoints">The most points; must be positive.</param>
public sealed record EarningCap(CapPeriod Period, long MaxPoints);
