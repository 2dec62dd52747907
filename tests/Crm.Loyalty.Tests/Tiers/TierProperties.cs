using Crm.Loyalty.Program;
using Crm.Loyalty.Tiers;
using Crm.Testing;
using FsCheck.Xunit;
using NodaTime;

using static Crm.Loyalty.Tests.TestSupport.Programs;

namespace Crm.Loyalty.Tests.Tiers;

public sealed class TierProperties
{
    private static readonly TenantId Tenant = new("t");

    [Property(MaxTest = 100)]
    public void Only_earnings_and_their_refunds_move_the_qualifying_points(byte[] operations)
    {
        var clock = CrmTestClock.Create();
        var program = Basic() with
        {
            Tiers = [new LoyaltyTier("bronze", 0m), new LoyaltyTier("silver", 100m)],
            TierQualification = TierQualification.PointsEarned,
            TierWindow = TierWindow.Rolling(Period.FromYears(5)),
            TierDowngrade = TierDowngradePolicy.ToQualifiedTier,
        };
        var manager = Manager(program, clock);
        var member = ContactId.New();
        var expected = 0m;
        var purchases = 0;
        for (var i = 0; i + 1 < operations.Length; i += 2)
        {
            var arg = 1 + (operations[i + 1] % 50);
            switch (operations[i] % 4)
            {
                case 0:
                    manager.AccruePurchaseAsync(Tenant, member, OneLine(arg, id: $"o-{++purchases}")).GetAwaiter().GetResult();
                    expected += arg;
                    break;
                case 1:
                    var available = manager.GetBalanceAsync(Tenant, member).GetAwaiter().GetResult().Available;
                    if (available > 0)
                    {
                        manager.RedeemAsync(Tenant, member, Math.Min(arg, available), new IdempotencyKey($"r-{i}")).GetAwaiter().GetResult();
                    }

                    break;
                case 2:
                    manager.AdjustAsync(Tenant, member, arg, "gift", new IdempotencyKey($"a-{i}")).GetAwaiter().GetResult();
                    break;
                default:
                    if (purchases > 0)
                    {
                        var reversal = manager.RefundAsync(Tenant, member, new PurchaseRefund($"o-{purchases}", $"f-{i}")).GetAwaiter().GetResult();
                        expected += reversal?.Snapshot?.Lines.Sum(l => -l.Points) ?? 0;
                    }

                    break;
            }

            manager.GetTierAsync(Tenant, member, clock.GetCurrentInstant()).GetAwaiter().GetResult().Qualifying.Should().Be(expected);
        }
    }
}
