using Crm.Loyalty.Ledger;
using Crm.Loyalty.Program;
using Crm.Loyalty.Tiers;
using NodaTime;
using NodaTime.Testing;

using static Crm.Loyalty.Tests.TestSupport.Programs;

namespace Crm.Loyalty.Tests.Tiers;

public sealed class TierStatusTests
{
    private static readonly TenantId Tenant = new("t");

    private static readonly LoyaltyTier Bronze = new("bronze", 0m);
    private static readonly LoyaltyTier Silver = new("silver", 100m);
    private static readonly LoyaltyTier Gold = new("gold", 500m);

    private static LoyaltyProgram Tiered(TierWindow window, TierQualification qualification = TierQualification.PointsEarned, DateTimeZone? zone = null)
        => new("test", Eur, zone ?? Paris)
        {
            Rounding = PointsRounding.Down,
            DebtPolicy = DebtPolicy.AllowNegativeBalance,
            SpendRules = [new SpendRule("base", 1m)],
            ExpiryMonths = 12,
            Tiers = [Bronze, Silver, Gold],
            TierQualification = qualification,
            TierWindow = window,
            TierDowngrade = TierDowngradePolicy.ToQualifiedTier,
        };

    private static FakeClock ClockAt(Instant at) => new(at);

    [Fact]
    public async Task A_member_who_spends_every_point_keeps_the_tier()
    {
        var clock = ClockAt(Instant.FromUtc(2025, 3, 10, 12, 0));
        var manager = Manager(Tiered(TierWindow.CalendarYear), clock);
        var member = ContactId.New();
        await manager.AccruePurchaseAsync(Tenant, member, OneLine(150m));
        await manager.RedeemAsync(Tenant, member, 150, new IdempotencyKey("spend-all"));

        var status = await manager.GetTierAsync(Tenant, member, clock.GetCurrentInstant());

        (await manager.GetBalanceAsync(Tenant, member)).Total.Should().Be(0);
        status.Qualifying.Should().Be(150m);
        status.Tier.Should().Be(Silver);
        status.NextTier.Should().Be(Gold);
        status.ToNextTier.Should().Be(350m);
    }

    [Fact]
    public async Task Adjustments_do_not_qualify_but_a_refund_takes_its_points_back()
    {
        var clock = ClockAt(Instant.FromUtc(2025, 3, 10, 12, 0));
        var manager = Manager(Tiered(TierWindow.CalendarYear), clock);
        var member = ContactId.New();
        await manager.AccruePurchaseAsync(Tenant, member, OneLine(120m));
        await manager.AdjustAsync(Tenant, member, 1000, "goodwill", new IdempotencyKey("gift"));
        (await manager.GetTierAsync(Tenant, member, clock.GetCurrentInstant())).Tier.Should().Be(Silver);

        await manager.RefundAsync(Tenant, member, new PurchaseRefund("o-1", "r-1", [new RefundLine("1", Euros(30m))]));

        var status = await manager.GetTierAsync(Tenant, member, clock.GetCurrentInstant());
        status.Qualifying.Should().Be(90m);
        status.Reached.Should().Be(Bronze);
        status.Tier.Should().Be(Silver, "a refund never lowers the stored tier; only a review does");
    }

    [Fact]
    public async Task Money_spent_counts_the_net_amounts_that_earned()
    {
        var clock = ClockAt(Instant.FromUtc(2025, 3, 10, 12, 0));
        var manager = Manager(Tiered(TierWindow.CalendarYear, TierQualification.MoneySpent) with { SpendRules = [new SpendRule("base", 0.1m)] }, clock);
        var member = ContactId.New();
        await manager.AccruePurchaseAsync(Tenant, member, OneLine(520m));

        var status = await manager.GetTierAsync(Tenant, member, clock.GetCurrentInstant());

        status.Qualifying.Should().Be(520m);
        status.Tier.Should().Be(Gold);
        status.NextTier.Should().BeNull();
        status.ToNextTier.Should().BeNull();
    }

    [Fact]
    public async Task Reading_the_tier_writes_nothing_and_ignores_entries_after_the_as_of_instant()
    {
        var start = Instant.FromUtc(2025, 3, 10, 12, 0);
        var clock = ClockAt(start);
        var manager = Manager(Tiered(TierWindow.CalendarYear), clock);
        var member = ContactId.New();
        await manager.AccruePurchaseAsync(Tenant, member, OneLine(100m));
        clock.AdvanceDays(1);
        await manager.AccruePurchaseAsync(Tenant, member, OneLine(400m, id: "o-2"));
        var before = await manager.GetEntriesAsync(Tenant, member, new Crm.Storage.PageRequest(50, null));

        var past = await manager.GetTierAsync(Tenant, member, start);
        var now = await manager.GetTierAsync(Tenant, member, clock.GetCurrentInstant());

        past.Tier.Should().Be(Silver);
        now.Tier.Should().Be(Gold);
        (await manager.GetEntriesAsync(Tenant, member, new Crm.Storage.PageRequest(50, null))).Items.Should().Equal(before.Items);
    }

    [Fact]
    public async Task Calendar_year_starts_at_local_midnight_in_the_program_zone()
    {
        var auckland = DateTimeZoneProviders.Tzdb["Pacific/Auckland"];

        // 2026-01-01 00:00 in Auckland (daylight time, +13) is 2025-12-31 11:00 UTC.
        var clock = ClockAt(Instant.FromUtc(2025, 12, 31, 10, 59));
        var manager = Manager(Tiered(TierWindow.CalendarYear, zone: auckland), clock);
        var member = ContactId.New();
        await manager.AccruePurchaseAsync(Tenant, member, OneLine(100m));
        clock.Reset(Instant.FromUtc(2025, 12, 31, 11, 0));
        await manager.AccruePurchaseAsync(Tenant, member, OneLine(20m, id: "o-2"));

        var status = await manager.GetTierAsync(Tenant, member, clock.GetCurrentInstant());

        status.WindowStart.Should().Be(Instant.FromUtc(2025, 12, 31, 11, 0));
        status.WindowEnd.Should().Be(Instant.FromUtc(2026, 12, 31, 11, 0));
        status.Qualifying.Should().Be(20m);
    }

    [Fact]
    public async Task Rolling_window_starting_on_a_daylight_saving_day_starts_at_that_local_midnight()
    {
        // Europe/Paris moves to summer time on 2025-03-30; a 7-day window as of 2025-04-05 starts 2025-03-30 00:00 (+01) = 2025-03-29 23:00 UTC.
        var clock = ClockAt(Instant.FromUtc(2025, 3, 29, 22, 59));
        var manager = Manager(Tiered(TierWindow.Rolling(Period.FromDays(7))), clock);
        var member = ContactId.New();
        await manager.AccruePurchaseAsync(Tenant, member, OneLine(100m));
        clock.Reset(Instant.FromUtc(2025, 3, 29, 23, 0));
        await manager.AccruePurchaseAsync(Tenant, member, OneLine(30m, id: "o-2"));

        var asOf = Instant.FromUtc(2025, 4, 5, 12, 0);
        var status = await manager.GetTierAsync(Tenant, member, asOf);

        status.WindowStart.Should().Be(Instant.FromUtc(2025, 3, 29, 23, 0));
        status.WindowEnd.Should().Be(asOf);
        status.Qualifying.Should().Be(30m);
        (await manager.GetTierAsync(Tenant, member, Instant.FromUtc(2025, 4, 4, 12, 0))).Qualifying.Should().Be(130m);
    }

    [Fact]
    public async Task Calendar_quarter_counts_only_the_current_quarter()
    {
        var clock = ClockAt(Instant.FromUtc(2025, 3, 20, 12, 0));
        var manager = Manager(Tiered(TierWindow.CalendarQuarter), clock);
        var member = ContactId.New();
        await manager.AccruePurchaseAsync(Tenant, member, OneLine(100m));
        clock.Reset(Instant.FromUtc(2025, 4, 2, 12, 0));
        await manager.AccruePurchaseAsync(Tenant, member, OneLine(10m, id: "o-2"));

        var status = await manager.GetTierAsync(Tenant, member, clock.GetCurrentInstant());

        status.WindowStart.Should().Be(Instant.FromUtc(2025, 3, 31, 22, 0));
        status.WindowEnd.Should().Be(Instant.FromUtc(2025, 6, 30, 22, 0));
        status.Qualifying.Should().Be(10m);
        status.Reached.Should().Be(Bronze);
        status.Tier.Should().Be(Silver, "a new quarter does not lower the stored tier; only a review does");
    }

    [Fact]
    public async Task Anniversary_window_counts_from_the_members_first_entry()
    {
        var clock = ClockAt(Instant.FromUtc(2024, 6, 15, 12, 0));
        var manager = Manager(Tiered(TierWindow.Anniversary), clock);
        var member = ContactId.New();
        await manager.AccruePurchaseAsync(Tenant, member, OneLine(100m));
        clock.Reset(Instant.FromUtc(2025, 6, 14, 12, 0));
        await manager.AccruePurchaseAsync(Tenant, member, OneLine(50m, id: "o-2"));
        clock.Reset(Instant.FromUtc(2025, 6, 15, 12, 0));
        await manager.AccruePurchaseAsync(Tenant, member, OneLine(60m, id: "o-3"));

        var beforeAnniversary = await manager.GetTierAsync(Tenant, member, Instant.FromUtc(2025, 6, 14, 21, 59));
        var after = await manager.GetTierAsync(Tenant, member, clock.GetCurrentInstant());

        beforeAnniversary.Qualifying.Should().Be(150m);
        after.WindowStart.Should().Be(Instant.FromUtc(2025, 6, 14, 22, 0));
        after.WindowEnd.Should().Be(Instant.FromUtc(2026, 6, 14, 22, 0));
        after.Qualifying.Should().Be(60m);
    }

    [Fact]
    public async Task A_member_with_no_entries_holds_no_tier_though_the_window_reaches_a_zero_threshold_tier()
    {
        var manager = Manager(Tiered(TierWindow.Rolling(Period.FromMonths(12))));

        var status = await manager.GetTierAsync(Tenant, ContactId.New(), Instant.FromUtc(2025, 5, 1, 0, 0));

        status.Qualifying.Should().Be(0m);
        status.Tier.Should().BeNull();
        status.Since.Should().BeNull();
        status.Reached.Should().Be(Bronze);
        status.NextTier.Should().Be(Bronze);
        status.ToNextTier.Should().Be(0m);
    }

    [Fact]
    public async Task A_program_without_tiers_has_no_tier_status()
    {
        var manager = Manager(Basic());

        var read = () => manager.GetTierAsync(Tenant, ContactId.New(), Instant.FromUtc(2025, 5, 1, 0, 0));

        await read.Should().ThrowAsync<InvalidOperationException>().WithMessage("*has no tiers*");
    }
}
