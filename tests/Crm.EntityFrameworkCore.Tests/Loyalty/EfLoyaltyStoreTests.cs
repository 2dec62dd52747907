using Crm.EntityFrameworkCore.Loyalty;
using Crm.EntityFrameworkCore.Storage;
using Crm.EntityFrameworkCore.Tests.TestSupport;
using Crm.Loyalty;
using Crm.Loyalty.Ledger;
using Crm.Loyalty.Program;
using Crm.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Crm.EntityFrameworkCore.Tests.Loyalty;

/// <summary>What the database adds to the loyalty specification: the unique idempotency key and a fault in the middle of a multi-lot redemption.</summary>
public abstract class EfLoyaltyStoreTests(Provider provider) : DatabaseTests(provider)
{
    private static readonly TenantId Tenant = new("ef-loyalty");
    private static readonly CurrencyCode Eur = new("EUR");

    private static LoyaltyManager Manager(EfLoyaltyStore<CrmDbContext> store) => new(
        store, CrmTestClock.Create(), new SequentialEventIdGenerator(), NullLogger<LoyaltyManager>.Instance,
        Options.Create(new LoyaltyOptions
        {
            Program = new LoyaltyProgram("ef", Eur, DateTimeZone.Utc) { Rounding = PointsRounding.Down, DebtPolicy = DebtPolicy.Refuse, SpendRules = [new SpendRule("base", 1m)] },
        }));

    private static Purchase PurchaseOf(string id, decimal euros) => new(id, CrmTestClock.Start, [new PurchaseLine("1", new Money(euros, Eur))]);

    [Fact]
    public async Task A_fault_halfway_through_a_multi_lot_redemption_leaves_no_partial_state_and_the_retry_applies_once()
    {
        var faults = new FaultInjector();
        var database = Databases.New(faults);
        var manager = Manager(database.CreateLoyaltyStore());
        var member = ContactId.New();
        await manager.AccruePurchaseAsync(Tenant, member, PurchaseOf("o-1", 10m));
        await manager.AccruePurchaseAsync(Tenant, member, PurchaseOf("o-2", 10m));
        faults.ArmOnce(_ => throw new InvalidOperationException("injected fault after the outbox write"));

        var first = () => manager.RedeemAsync(Tenant, member, 15, new IdempotencyKey("checkout-1"));

        await first.Should().ThrowAsync<Exception>();
        faults.Fired.Should().BeTrue();
        await using (var db = database.CreateDbContext())
        {
            (await db.Set<LoyaltyEntryRow>().CountAsync()).Should().Be(2, "no redemption entry");
            (await db.Set<LoyaltyAllocationRow>().CountAsync()).Should().Be(0, "no allocation to either lot");
        }

        (await manager.GetBalanceAsync(Tenant, member)).Available.Should().Be(20);
        var retried = await manager.RedeemAsync(Tenant, member, 15, new IdempotencyKey("checkout-1"));
        var repeated = await manager.RedeemAsync(Tenant, member, 15, new IdempotencyKey("checkout-1"));
        repeated.Id.Should().Be(retried.Id);
        (await manager.GetBalanceAsync(Tenant, member)).Available.Should().Be(5);
    }

    [Fact]
    public async Task The_database_refuses_a_second_entry_with_one_key_as_a_concurrency_conflict()
    {
        var database = Databases.New();
        var manager = Manager(database.CreateLoyaltyStore());
        var first = await manager.AccruePurchaseAsync(Tenant, ContactId.New(), PurchaseOf("o-1", 10m));
        await using var db = database.CreateDbContext();

        // Bypasses the store's own check, as a parallel writer that checked before the first commit would.
        var act = () => EfContactStore<CrmDbContext>.WriteAsync(db, async ct =>
        {
            db.Add(new LoyaltyEntryRow
            {
                TenantId = Tenant, Id = LedgerEntryId.New(), ContactId = ContactId.New(), Kind = LedgerEntryKind.Earn, Points = 1,
                RecordedAt = CrmTestClock.Start, IdempotencyKey = first!.IdempotencyKey,
            });
            await db.SaveChangesAsync(ct);
        }, EfContactStore<CrmDbContext>.ConflictFrom, CancellationToken.None);

        (await act.Should().ThrowAsync<ConcurrencyConflictException>()).Which.Entity.Should().Be("idempotency key");
    }
}

public sealed class SqliteEfLoyaltyStoreTests() : EfLoyaltyStoreTests(Provider.Sqlite);

public sealed class PostgresEfLoyaltyStoreTests() : EfLoyaltyStoreTests(Provider.Postgres), IPostgresTests;
