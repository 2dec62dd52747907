namespace Crm.Metrics.Coverage;

/// <summary>How many customers were served by a given number of distinct team members.</summary>
/// <param name="TeamMembers">The number of distinct team members (1 or more).</param>
/// <param name="Customers">The customers served by exactly that many.</param>
public sealed record TeamSizeCount(int TeamMembers, long Customers);
