using NodaTime;

namespace Crm.Loyalty.Badges;

/// <summary>One achievement a rule found in the ledger: the award's key (unique per member) and when it was achieved.</summary>
internal sealed record BadgeAchievement(BadgeRule Rule, string Key, Instant AchievedAt);
