using Crm.Loyalty.InMemory;
using Crm.Loyalty.Ledger;
using Crm.Loyalty.Program;
using Crm.Testing;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

using static Crm.Loyalty.Tests.TestSupport.Programs;

namespace Crm.Loyalty.Tests;

public sealed class LogTests
{
    [Fact]
    public async Task Every_command_logs_its_event_id_with_ids_and_numbers_only()
    {
        var logger = new FakeLogger<LoyaltyManager>();
        var clock = CrmTestClock.Create();
        var manager = new LoyaltyManager(new InMemoryLoyaltyStore(), clock, new SequentialEventIdGenerator(), logger, Options.Create(new LoyaltyOptions { Program = Basic() }));
        var (tenant, member) = (new TenantId("t"), ContactId.New());

        var earned = await manager.AccruePurchaseAsync(tenant, member, new Purchase("order-secret-7", clock.GetCurrentInstant(), [new PurchaseLine("1", Euros(20m))]));
        await manager.AccruePurchaseAsync(tenant, member, new Purchase("order-secret-7", clock.GetCurrentInstant(), [new PurchaseLine("1", Euros(20m))]));
        await manager.RedeemAsync(tenant, member, 5, new IdempotencyKey("checkout-secret"));
        await FluentActions.Awaiting(() => manager.RedeemAsync(tenant, member, 500, new IdempotencyKey("too-much"))).Should().ThrowAsync<InsufficientPointsException>();
        clock.Advance(NodaTime.Duration.FromDays(400));
        await manager.ExpireAsync(tenant, member);

        var records = logger.Collector.GetSnapshot();
        records.Select(r => r.Id.Id).Should().Contain([LoyaltyEventIds.PointsCredited, LoyaltyEventIds.CommandReplayed, LoyaltyEventIds.PointsDebited, LoyaltyEventIds.DebitRefused, LoyaltyEventIds.LotsProcessed]);
        records.Should().OnlyContain(r => r.Id.Id >= 3000 && r.Id.Id < 3100);
        records.Should().OnlyContain(r => !r.Message.Contains("secret", StringComparison.Ordinal), "keys and source ids are the host's and may carry anything");
        records.Should().Contain(r => r.Message.Contains(earned!.Id.ToString(), StringComparison.Ordinal));
    }
}
