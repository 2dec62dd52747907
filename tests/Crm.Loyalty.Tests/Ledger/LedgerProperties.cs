using Crm.Loyalty.InMemory;
using Crm.Loyalty.Ledger;
using Crm.Loyalty.Program;
using Crm.Storage;
using Crm.Testing;
using FsCheck.Xunit;
using NodaTime;
using NodaTime.Testing;

using static Crm.Loyalty.Tests.TestSupport.Programs;

namespace Crm.Loyalty.Tests.Ledger;

/// <summary>Invariants of the ledger under any sequence of earn / redeem / refund / expire / activate / adjust / cancel commands with a fake clock.</summary>
public sealed class LedgerProperties
{
    private static readonly TenantId Tenant = new("props");

    private static readonly DebtPolicy[] Policies = [DebtPolicy.AllowNegativeBalance, DebtPolicy.ClampAtZero, DebtPolicy.Refuse];

    [Property(MaxTest = 150)]
    public void Random_command_sequences_keep_the_ledger_reconciled_and_replaying_them_changes_nothing(byte[] operations, byte policyChoice)
    {
        var policy = Policies[policyChoice % Policies.Length];
        var clock = CrmTestClock.Create();
        var store = new InMemoryLoyaltyStore();
        var manager = Manager(Basic() with { DebtPolicy = policy, HoldPeriod = Duration.FromDays(7), ExpiryMonths = 2, RestoredPointsExpiryMonths = 1 }, clock, store);
        var member = ContactId.New();
        var succeeded = new List<Func<Task>>();
        var purchases = new List<string>();
        var redemptions = new List<LedgerEntryId>();

        for (var i = 0; i + 1 < operations.Length; i += 2)
        {
            var arg = operations[i + 1];
            Func<Task>? command = (operations[i] % 7) switch
            {
                0 => Earn(manager, member, clock, purchases, $"o-{i}", 1 + (arg % 60)),
                1 => Redeem(manager, member, redemptions, $"r-{i}", 1 + (arg % 40)),
                2 when purchases.Count > 0 => Refund(manager, member, purchases[arg % purchases.Count], $"f-{i}", arg),
                3 => Lots(clock, arg, at => manager.ExpireAsync(Tenant, member, at)),
                4 => Adjust(manager, member, $"a-{i}", (arg % 30) - 10),
                5 => Lots(clock, arg, at => manager.ActivateAsync(Tenant, member, at)),
                6 when redemptions.Count > 0 => Cancel(manager, member, redemptions[arg % redemptions.Count]),
                _ => null,
            };
            if (command is null)
            {
                continue;
            }

            var before = Snapshot(manager, member);
            try
            {
                command().GetAwaiter().GetResult();
                succeeded.Add(command);
            }
            catch (CrmException)
            {
                Snapshot(manager, member).Should().BeEquivalentTo(before, "a refused command changes nothing");
            }

            AssertInvariants(manager, member, policy);
        }

        AssertStatementsReconcile(manager, member, clock, operations.Length == 0 ? (byte)0 : operations[0]);
        var end = Snapshot(manager, member);
        foreach (var command in succeeded)
        {
            command().GetAwaiter().GetResult();
        }

        Snapshot(manager, member).Should().BeEquivalentTo(end, "replaying every command with the same keys and as-of instants changes nothing");
    }

    [Property(MaxTest = 100)]
    public void Redemptions_consume_the_soonest_expiring_spendable_lots_first(byte[] amounts)
    {
        var clock = CrmTestClock.Create();
        var manager = Manager(Basic() with { ExpiryMonths = 3 }, clock);
        var member = ContactId.New();
        for (var i = 0; i < amounts.Length; i++)
        {
            if (i % 2 == 0)
            {
                manager.AccruePurchaseAsync(Tenant, member, OneLine(1 + (amounts[i] % 50), clock.GetCurrentInstant(), $"o-{i}")).GetAwaiter().GetResult();
                clock.Advance(Duration.FromDays(amounts[i] % 20));
                continue;
            }

            var now = clock.GetCurrentInstant() + Duration.FromSeconds(1);
            var before = manager.GetLotsAsync(Tenant, member).GetAwaiter().GetResult()
                .Where(l => l.Remaining > 0 && l.IsActive && !l.IsExpired && l.Lot.ExpiresAt > now)
                .OrderBy(l => l.Lot.ExpiresAt).ThenBy(l => l.Lot.CreditedAt).ThenBy(l => l.Lot.Id).ToList();
            var points = Math.Min(1 + (amounts[i] % 40), before.Sum(l => l.Remaining));
            if (points == 0)
            {
                continue;
            }

            manager.RedeemAsync(Tenant, member, points, new IdempotencyKey($"r-{i}")).GetAwaiter().GetResult();
            var after = manager.GetLotsAsync(Tenant, member).GetAwaiter().GetResult().ToDictionary(l => l.Lot.Id, l => l.Remaining);
            var left = points;
            foreach (var lot in before)
            {
                var expected = lot.Remaining - Math.Min(left, lot.Remaining);
                after[lot.Lot.Id].Should().Be(expected, "a later-expiring lot is touched only when every sooner one is empty");
                left -= lot.Remaining - expected;
            }
        }
    }

    private static Func<Task> Earn(LoyaltyManager manager, ContactId member, FakeClock clock, List<string> purchases, string id, int euros)
    {
        var purchase = OneLine(euros, clock.GetCurrentInstant(), id);
        return async () =>
        {
            await manager.AccruePurchaseAsync(Tenant, member, purchase);
            if (!purchases.Contains(id))
            {
                purchases.Add(id);
            }
        };
    }

    private static Func<Task> Redeem(LoyaltyManager manager, ContactId member, List<LedgerEntryId> redemptions, string key, int points)
        => async () =>
        {
            var entry = await manager.RedeemAsync(Tenant, member, points, new IdempotencyKey(key));
            if (!redemptions.Contains(entry.Id))
            {
                redemptions.Add(entry.Id);
            }
        };

    private static Func<Task> Refund(LoyaltyManager manager, ContactId member, string purchaseId, string refundId, byte arg)
    {
        var refund = arg % 3 == 0
            ? new PurchaseRefund(purchaseId, refundId)
            : new PurchaseRefund(purchaseId, refundId, [new RefundLine("1", Euros(0.5m + (arg % 4)))]);
        return async () =>
        {
            try
            {
                await manager.RefundAsync(Tenant, member, refund);
            }
            catch (ArgumentException) when (!refund.IsFull)
            {
                // More refunded than the line's amount: a bad request, refused before anything was written.
            }
        };
    }

    private static Func<Task> Cancel(LoyaltyManager manager, ContactId member, LedgerEntryId redemption)
        => () => manager.CancelRedemptionAsync(Tenant, member, redemption);

    private static Func<Task> Adjust(LoyaltyManager manager, ContactId member, string key, int points)
        => points == 0 ? () => Task.CompletedTask : () => manager.AdjustAsync(Tenant, member, points, "property", new IdempotencyKey(key));

    private static Func<Task> Lots(FakeClock clock, byte arg, Func<Instant, Task> run)
    {
        clock.Advance(Duration.FromDays(arg % 45));
        var asOf = clock.GetCurrentInstant();
        return () => run(asOf);
    }

    private static object Snapshot(LoyaltyManager manager, ContactId member)
    {
        var balance = manager.GetBalanceAsync(Tenant, member).GetAwaiter().GetResult();
        var entries = manager.GetEntriesAsync(Tenant, member, PageRequest.First(PageRequest.MaxPageSize)).GetAwaiter().GetResult().Items;
        var lots = manager.GetLotsAsync(Tenant, member).GetAwaiter().GetResult();
        return new { balance.Available, balance.Pending, balance.Debt, Entries = entries.Select(e => e.Id).ToList(), Lots = lots.Select(l => (l.Lot.Id, l.Remaining, l.IsActive, l.IsExpired)).ToList() };
    }

    private static void AssertStatementsReconcile(LoyaltyManager manager, ContactId member, FakeClock clock, byte split)
    {
        var start = CrmTestClock.Start;
        var end = clock.GetCurrentInstant() + Duration.FromSeconds(1);
        var middle = start + Duration.FromTicks((long)((end - start).TotalTicks * (split % 10) / 10));
        var whole = manager.GetStatementAsync(Tenant, member, start, end, Duration.FromDays(30)).GetAwaiter().GetResult();
        var first = manager.GetStatementAsync(Tenant, member, start, middle, Duration.Zero).GetAwaiter().GetResult();
        var second = manager.GetStatementAsync(Tenant, member, middle, end, Duration.Zero).GetAwaiter().GetResult();
        var balance = manager.GetBalanceAsync(Tenant, member).GetAwaiter().GetResult();

        new[] { whole, first, second }.Should().OnlyContain(s => s.Reconciles, "every statement reconciles");
        whole.Opening.Should().Be(0);
        whole.Closing.Should().Be(balance.Total, "the closing balance is the balance");
        second.Opening.Should().Be(first.Closing, "one period's closing balance is the next one's opening balance");
        (first.Earned + second.Earned).Should().Be(whole.Earned);
        whole.ExpiringNext.Should().BeLessThanOrEqualTo(balance.Available + balance.Pending);
    }

    private static void AssertInvariants(LoyaltyManager manager, ContactId member, DebtPolicy policy)
    {
        var balance = manager.GetBalanceAsync(Tenant, member).GetAwaiter().GetResult();
        var entries = manager.GetEntriesAsync(Tenant, member, PageRequest.First(PageRequest.MaxPageSize)).GetAwaiter().GetResult().Items;
        var lots = manager.GetLotsAsync(Tenant, member).GetAwaiter().GetResult();
        balance.Total.Should().Be(entries.Sum(e => e.Points), "the balance is the sum of the ledger");
        (lots.Sum(l => l.Remaining) - balance.Debt).Should().Be(balance.Total, "the balance is the sum of the remaining lot amounts minus the debt");
        lots.All(l => l.Remaining >= 0 && l.Remaining <= l.Lot.Points).Should().BeTrue("a lot is never overdrawn");
        lots.Where(l => l.IsExpired).All(l => l.Remaining == 0).Should().BeTrue("an expired lot keeps nothing");
        if (policy != DebtPolicy.AllowNegativeBalance)
        {
            balance.Debt.Should().Be(0);
            balance.Total.Should().BeGreaterThanOrEqualTo(0, "no balance goes negative unless the debt policy allows it");
        }
    }
}
