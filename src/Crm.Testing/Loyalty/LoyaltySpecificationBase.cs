using Crm.Loyalty;
using Crm.Loyalty.Ledger;
using Crm.Loyalty.Program;
using Crm.Loyalty.Storage;
using Crm.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;

namespace Crm.Testing.Loyalty;

/// <summary>
/// What every loyalty specification class shares: the store under test made by <see cref="CreateStore"/>, a fake clock,
/// deterministic event ids, a reference program and a <see cref="LoyaltyManager"/> over the store.
/// </summary>
/// <typeparam name="TStore">The store under test.</typeparam>
/// <remarks>xunit makes a new instance per test, so every test starts with a new clock, new ids and an empty store.</remarks>
public abstract class LoyaltySpecificationBase<TStore>
    where TStore : class, ILoyaltyStore
{
    /// <summary>The first tenant the specification writes to.</summary>
    protected static readonly TenantId TenantA = new("loyalty-spec-a");

    /// <summary>A second tenant, for isolation tests.</summary>
    protected static readonly TenantId TenantB = new("loyalty-spec-b");

    /// <summary>The currency of the reference program.</summary>
    protected static readonly CurrencyCode Eur = new("EUR");

    /// <summary>Creates the specification with a fresh clock and event-id generator.</summary>
    protected LoyaltySpecificationBase()
    {
        Clock = CrmTestClock.Create();
        EventIds = new SequentialEventIdGenerator();
    }

    /// <summary>The clock the managers read; it moves one second on every read.</summary>
    protected FakeClock Clock { get; }

    /// <summary>The event ids the managers give their events, in order.</summary>
    protected SequentialEventIdGenerator EventIds { get; }

    /// <summary>Creates a new, empty store under test.</summary>
    protected abstract TStore CreateStore();

    /// <summary>The reference program: 1 point per euro after discounts, rounded down, points valid 12 months, no hold, debts allowed.</summary>
    protected virtual LoyaltyProgram CreateProgram() => new("spec", Eur, DateTimeZoneProviders.Tzdb["Europe/Paris"])
    {
        Rounding = PointsRounding.Down,
        DebtPolicy = DebtPolicy.AllowNegativeBalance,
        SpendRules = [new SpendRule("base", 1m)],
        ExpiryMonths = 12,
    };

    /// <summary>A <see cref="LoyaltyManager"/> over <paramref name="store"/> running <paramref name="program"/> (default <see cref="CreateProgram"/>).</summary>
    protected LoyaltyManager CreateManager(TStore store, LoyaltyProgram? program = null)
        => new(store, Clock, EventIds, NullLogger<LoyaltyManager>.Instance, Options.Create(new LoyaltyOptions { Program = program ?? CreateProgram() }));

    /// <summary>A one-line purchase of <paramref name="euros"/> at the clock's now.</summary>
    protected Purchase PurchaseOf(string id, decimal euros)
        => new(id, Clock.GetCurrentInstant(), [new PurchaseLine("1", new Money(euros, Eur))]);

    /// <summary>A new idempotency key.</summary>
    protected static IdempotencyKey NewKey() => new(Guid.NewGuid().ToString("N"));

    /// <summary>Every entry of the member, read page by page.</summary>
    protected static async Task<IReadOnlyList<LedgerEntry>> AllEntriesAsync(LoyaltyManager manager, TenantId tenant, ContactId member, int pageSize = 7)
    {
        ArgumentNullException.ThrowIfNull(manager);
        var all = new List<LedgerEntry>();
        string? cursor = null;
        do
        {
            var page = await manager.GetEntriesAsync(tenant, member, new PageRequest(pageSize, cursor)).ConfigureAwait(false);
            all.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        return all;
    }

    /// <summary>Asserts the ledger's invariants: the total equals the sum of the entries and the lots' remainders minus the debt, and no lot is below zero or above its points.</summary>
    protected static async Task AssertReconcilesAsync(LoyaltyManager manager, TenantId tenant, ContactId member)
    {
        ArgumentNullException.ThrowIfNull(manager);
        var balance = await manager.GetBalanceAsync(tenant, member).ConfigureAwait(false);
        var entries = await AllEntriesAsync(manager, tenant, member).ConfigureAwait(false);
        var lots = await manager.GetLotsAsync(tenant, member).ConfigureAwait(false);
        balance.Total.Should().Be(entries.Sum(e => e.Points), "the balance is the sum of the ledger");
        (lots.Sum(l => l.Remaining) - balance.Debt).Should().Be(balance.Total, "the balance is the sum of the lots' remainders minus the debt");
        lots.Should().OnlyContain(l => l.Remaining >= 0 && l.Remaining <= l.Lot.Points, "a lot is never overdrawn");
        balance.Debt.Should().BeGreaterThanOrEqualTo(0);
        entries.Select(e => e.IdempotencyKey).Should().OnlyHaveUniqueItems();
    }
}
