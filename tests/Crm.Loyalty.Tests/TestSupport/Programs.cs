using Crm.Loyalty.Ledger;
using Crm.Loyalty.Program;
using Crm.Loyalty.InMemory;
using Crm.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;

namespace Crm.Loyalty.Tests.TestSupport;

/// <summary>Small builders for programs, purchases and managers.</summary>
internal static class Programs
{
    public static readonly CurrencyCode Eur = new("EUR");

    public static readonly DateTimeZone Paris = DateTimeZoneProviders.Tzdb["Europe/Paris"];

    public static LoyaltyProgram Basic(decimal pointsPerEuro = 1m) => new("test", Eur, Paris)
    {
        Rounding = PointsRounding.Down,
        DebtPolicy = DebtPolicy.AllowNegativeBalance,
        SpendRules = [new SpendRule("base", pointsPerEuro)],
        ExpiryMonths = 12,
    };

    public static Money Euros(decimal amount) => new(amount, Eur);

    public static Purchase OneLine(decimal euros, Instant? at = null, string id = "o-1")
        => new(id, at ?? CrmTestClock.Start, [new PurchaseLine("1", Euros(euros))]);

    public static LoyaltyManager Manager(LoyaltyProgram program, FakeClock? clock = null, InMemoryLoyaltyStore? store = null)
        => new(store ?? new InMemoryLoyaltyStore(), clock ?? CrmTestClock.Create(), new SequentialEventIdGenerator(), NullLogger<LoyaltyManager>.Instance, Options.Create(new LoyaltyOptions { Program = program }));
}
