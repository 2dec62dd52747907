using NodaTime;

namespace Crm.Loyalty.Tiers;

/// <summary>A member's stored tier: the latest record of the member's tier history.</summary>
/// <param name="ContactId">The member.</param>
/// <param name="TierId">The stored tier, or <see langword="null"/> when the member has none.</param>
/// <param name="Since">When the member entered the tier (the latest change), or <see langword="null"/> when no change was ever recorded.</param>
public sealed record MemberTier(ContactId ContactId, string? TierId, Instant? Since);
