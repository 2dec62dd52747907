namespace Crm.Loyalty.Tiers;

/// <summary>One tier of a program (for example Bronze, Silver, Gold): reached when a member's qualifying total in the tier window reaches <see cref="Threshold"/>.</summary>
/// <param name="Id">The tier's id: 1 to 40 printable ASCII characters without spaces, unique in the program.</param>
/// <param name="Threshold">The qualifying total (points earned, or currency units spent, per <see cref="Program.LoyaltyProgram.TierQualification"/>) that reaches the tier; not negative, and rising strictly from one tier to the next.</param>
public sealed record LoyaltyTier(string Id, decimal Threshold)
{
    /// <summary>The tier's earning benefit: the factor a purchase's points are multiplied by while the member holds the tier (1 for none); positive.</summary>
    /// <remarks>Applied per line with the other multipliers, before rounding; the tier and factor used are stored in the earning's snapshot, so a refund never recomputes with today's tier.</remarks>
    public decimal EarningMultiplier { get; init; } = 1m;
}
