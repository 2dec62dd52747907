using Crm.Loyalty.Badges;

namespace Crm.Loyalty.Program;

public sealed partial record LoyaltyProgram
{
    /// <summary>The program's badges and streaks, derived from the ledger and awarded by <see cref="LoyaltyManager.EvaluateBadgesAsync"/>; ids unique.</summary>
    public IReadOnlyList<BadgeRule> Badges { get; init; } = [];

    private void ValidateBadges(List<string> failures)
    {
        if (Badges is null)
        {
            failures.Add("LoyaltyProgram.Badges must not be null (leave it empty for a program without badges).");
            return;
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var badge in Badges)
        {
            if (badge is null)
            {
                failures.Add("LoyaltyProgram.Badges must not contain null.");
                continue;
            }

            if (badge.Id is null || badge.Id.Length > BadgeRule.MaxIdLength || !IdempotencyKey.TryParse(badge.Id, out _) || badge.Id.Contains(':', StringComparison.Ordinal))
            {
                failures.Add($"Badge '{badge.Id}': Id must be 1 to {BadgeRule.MaxIdLength} printable ASCII characters without spaces or ':'.");
            }
            else if (!ids.Add(badge.Id))
            {
                failures.Add($"Badge '{badge.Id}': Id must be unique in LoyaltyProgram.Badges.");
            }

            badge.Validate(failures);
        }
    }
}
