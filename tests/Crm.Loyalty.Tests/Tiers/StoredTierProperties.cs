using Crm.Loyalty.Program;
using Crm.Loyalty.Tiers;
using Crm.Storage;
using FsCheck.Xunit;
using NodaTime;
using NodaTime.Testing;

using static Crm.Loyalty.Tests.TestSupport.Programs;

namespace Crm.Loyalty.Tests.Tiers;

public sealed class StoredTierProperties
{
    private static readonly TenantId Tenant = new("t");

    /// <summary>
    /// Random earnings, refunds, redemptions, gifts, reviews and time passing: the stored tier never falls below what the
    /// window reaches (only reviews lower it, and never below what they measure), the history chains from one change to
    /// the next, and a review repeated for the same period writes nothing.
    /// </summary>
    [Property(MaxTest = 60)]
    public void The_stored_tier_is_never_below_the_window_and_reviews_are_idempotent(bool oneStep, bool rolling, byte[] operations)
    {
        var clock = new FakeClock(Instant.FromUtc(2025, 1, 1, 12, 0));
        var program = Basic() with
        {
            Tiers = [new LoyaltyTier("bronze", 10m), new LoyaltyTier("silver", 100m) { EarningMultiplier = 1.5m }, new LoyaltyTier("gold", 300m) { EarningMultiplier = 2m }],
            TierQualification = TierQualification.PointsEarned,
            TierWindow = rolling ? TierWindow.Rolling(Period.FromDays(60)) : TierWindow.CalendarQuarter,
            TierDowngrade = oneStep ? TierDowngradePolicy.OneStepDown : TierDowngradePolicy.ToQualifiedTier,
            TierGracePeriod = Period.FromDays(7),
        };
        var manager = Manager(program, clock);
        var member = ContactId.New();
        var purchases = 0;
        for (var i = 0; i + 1 < operations.Length; i += 2)
        {
            var arg = 1 + (operations[i + 1] % 120);
            switch (operations[i] % 6)
            {
                case 0:
                case 1:
                    manager.AccruePurchaseAsync(Tenant, member, OneLine(arg, clock.GetCurrentInstant(), id: $"o-{++purchases}")).GetAwaiter().GetResult();
                    break;
                case 2:
                    if (purchases > 0)
                    {
                        manager.RefundAsync(Tenant, member, new PurchaseRefund($"o-{1 + (arg % purchases)}", $"f-{i}")).GetAwaiter().GetResult();
                    }

                    break;
                case 3:
                    var available = manager.GetBalanceAsync(Tenant, member).GetAwaiter().GetResult().Available;
                    if (available > 0)
                    {
                        manager.RedeemAsync(Tenant, member, Math.Min(arg, available), new IdempotencyKey($"r-{i}")).GetAwaiter().GetResult();
                    }

                    manager.AdjustAsync(Tenant, member, arg, "gift", new IdempotencyKey($"a-{i}")).GetAwaiter().GetResult();
                    break;
                case 4:
                    var first = manager.EvaluateTierAsync(Tenant, member).GetAwaiter().GetResult();
                    var historyBefore = History(manager, member);
                    var second = manager.EvaluateTierAsync(Tenant, member).GetAwaiter().GetResult();
                    second.Should().Be(first, "a review repeated for the same period returns the first result");
                    History(manager, member).Should().Equal(historyBefore, "and writes nothing");
                    break;
                default:
                    clock.AdvanceDays(arg);
                    break;
            }

            var status = manager.GetTierAsync(Tenant, member, clock.GetCurrentInstant()).GetAwaiter().GetResult();
            Rank(program, status.Tier).Should().BeGreaterThanOrEqualTo(Rank(program, status.Reached), "only a review lowers the stored tier, and never below what the window reaches");
            var history = History(manager, member);
            history.Zip(history.Skip(1)).All(p => p.First.ToTierId == p.Second.FromTierId).Should().BeTrue("each change starts where the last ended");
            (history.Count == 0 ? null : history[^1].ToTierId).Should().Be(status.Tier?.Id);
        }
    }

    private static int Rank(LoyaltyProgram program, LoyaltyTier? tier) => tier is null ? 0 : program.Tiers.ToList().IndexOf(tier) + 1;

    private static List<TierChange> History(LoyaltyManager manager, ContactId member)
        => [.. manager.GetTierHistoryAsync(Tenant, member, new PageRequest(PageRequest.MaxPageSize, null)).GetAwaiter().GetResult().Items];
}
