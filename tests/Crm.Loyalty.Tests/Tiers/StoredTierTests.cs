using Crm.Loyalty.InMemory;
using Crm.Loyalty.Ledger;
using Crm.Loyalty.Program;
using Crm.Loyalty.Storage;
using Crm.Loyalty.Tiers;
using Crm.Storage;
using Crm.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;

using static Crm.Loyalty.Tests.TestSupport.Programs;

namespace Crm.Loyalty.Tests.Tiers;

public sealed class StoredTierTests
{
    private static readonly TenantId Tenant = new("t");

    private static LoyaltyProgram Tiered(TierWindow window, TierDowngradePolicy policy = TierDowngradePolicy.ToQualifiedTier) => Basic() with
    {
        Tiers = [new LoyaltyTier("bronze", 0m), new LoyaltyTier("silver", 100m) { EarningMultiplier = 1.5m }, new LoyaltyTier("gold", 500m) { EarningMultiplier = 2m }],
        TierQualification = TierQualification.PointsEarned,
        TierWindow = window,
        TierDowngrade = policy,
    };

    [Fact]
    public async Task A_rolling_window_review_drops_to_the_tier_the_last_window_supports()
    {
        var clock = new FakeClock(Instant.FromUtc(2025, 1, 10, 12, 0));
        var manager = Manager(Tiered(TierWindow.Rolling(Period.FromMonths(3))), clock);
        var member = ContactId.New();
        await manager.AccruePurchaseAsync(Tenant, member, OneLine(600m, clock.GetCurrentInstant()));
        clock.Reset(Instant.FromUtc(2025, 3, 1, 12, 0));
        await manager.AccruePurchaseAsync(Tenant, member, OneLine(60m, clock.GetCurrentInstant(), id: "o-2"));   // at gold: ×2 = 120

        clock.Reset(Instant.FromUtc(2025, 4, 1, 12, 0));
        (await manager.EvaluateTierAsync(Tenant, member)).Should().BeNull("the last 3 months still hold 720 points");
        clock.Reset(Instant.FromUtc(2025, 4, 15, 12, 0));
        var change = await manager.EvaluateTierAsync(Tenant, member);

        change.Should().Match<TierChange>(c => c.FromTierId == "gold" && c.ToTierId == "silver" && c.Qualifying == 120m && c.Reason == TierChangeReason.Downgrade);
    }

    [Fact]
    public async Task A_rolling_grace_period_looks_further_back()
    {
        var clock = new FakeClock(Instant.FromUtc(2025, 1, 10, 12, 0));
        var manager = Manager(Tiered(TierWindow.Rolling(Period.FromMonths(3))) with { TierGracePeriod = Period.FromMonths(1) }, clock);
        var member = ContactId.New();
        await manager.AccruePurchaseAsync(Tenant, member, OneLine(600m, clock.GetCurrentInstant()));

        clock.Reset(Instant.FromUtc(2025, 4, 15, 12, 0));
        (await manager.EvaluateTierAsync(Tenant, member)).Should().BeNull("with a month of grace the review still counts 10 January");
        clock.Reset(Instant.FromUtc(2025, 5, 15, 12, 0));
        (await manager.EvaluateTierAsync(Tenant, member))!.ToTierId.Should().Be("bronze");
    }

    [Fact]
    public async Task A_new_period_keeps_a_tier_the_current_period_already_supports()
    {
        var clock = new FakeClock(Instant.FromUtc(2024, 12, 30, 12, 0));
        var manager = Manager(Tiered(TierWindow.CalendarYear), clock);
        var member = ContactId.New();
        await manager.AccruePurchaseAsync(Tenant, member, OneLine(50m, clock.GetCurrentInstant()));
        clock.Reset(Instant.FromUtc(2025, 1, 20, 12, 0));
        await manager.AccruePurchaseAsync(Tenant, member, OneLine(600m, clock.GetCurrentInstant(), id: "o-2"));

        clock.Reset(Instant.FromUtc(2025, 2, 1, 12, 0));
        var review = await manager.EvaluateTierAsync(Tenant, member);

        review.Should().BeNull("2024 supports bronze only, but 2025 already reached gold");
        (await manager.GetTierAsync(Tenant, member, clock.GetCurrentInstant())).Tier!.Id.Should().Be("gold");
    }

    [Fact]
    public async Task The_member_preview_applies_the_stored_tier_multiplier_and_the_pure_preview_does_not()
    {
        var clock = new FakeClock(Instant.FromUtc(2025, 1, 10, 12, 0));
        var manager = Manager(Tiered(TierWindow.CalendarYear), clock);
        var member = ContactId.New();
        await manager.AccruePurchaseAsync(Tenant, member, OneLine(120m, clock.GetCurrentInstant()));
        var next = OneLine(10m, clock.GetCurrentInstant(), id: "o-2");

        var forMember = await manager.PreviewAsync(Tenant, member, next);
        var pure = manager.Preview(next);

        forMember.Points.Should().Be(15);
        forMember.Snapshot.TierId.Should().Be("silver");
        forMember.Snapshot.Lines.Single().Multiplier.Should().Be(1.5m);
        pure.Points.Should().Be(10);
        pure.Snapshot.TierId.Should().BeNull();
    }

    [Fact]
    public async Task A_review_for_a_future_instant_is_refused()
    {
        var clock = new FakeClock(Instant.FromUtc(2025, 1, 10, 12, 0));
        var manager = Manager(Tiered(TierWindow.CalendarYear), clock);

        var review = () => manager.EvaluateTierAsync(Tenant, ContactId.New(), clock.GetCurrentInstant() + Duration.FromSeconds(1));

        await review.Should().ThrowAsync<ArgumentOutOfRangeException>().WithParameterName("asOf");
    }

    [Fact]
    public async Task Members_by_tier_refuse_a_tier_the_program_does_not_have()
    {
        var manager = Manager(Tiered(TierWindow.CalendarYear));

        var list = () => manager.GetMembersByTierAsync(Tenant, "platinum", new PageRequest(10, null));

        await list.Should().ThrowAsync<ArgumentException>().WithParameterName("tierId");
    }

    [Fact]
    public void A_tiered_program_needs_a_store_that_keeps_tiers()
    {
        var create = () => new LoyaltyManager(new LedgerOnlyStore(), new FakeClock(Instant.FromUtc(2025, 1, 1, 0, 0)), new SequentialEventIdGenerator(),
            NullLogger<LoyaltyManager>.Instance, Options.Create(new LoyaltyOptions { Program = Tiered(TierWindow.CalendarYear) }));

        create.Should().Throw<ArgumentException>().WithMessage("*ILoyaltyTierStore*");
    }

    [Fact]
    public void A_tier_change_must_change_the_tier()
    {
        var same = () => new TierChange(Tenant, ContactId.New(), "gold", "gold", TierChangeReason.Downgrade, Instant.FromUtc(2025, 1, 1, 0, 0), 0m, "k");

        same.Should().Throw<ArgumentException>().WithParameterName("toTierId");
    }

    /// <summary>A store with the ledger only (no stored tiers), as a host's older store would be.</summary>
    private sealed class LedgerOnlyStore : ILoyaltyStore
    {
        private readonly InMemoryLoyaltyStore _inner = new();

        public ValueTask<LoyaltyAccount> GetAccountAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken) => _inner.GetAccountAsync(tenantId, contactId, cancellationToken);

        public ValueTask<LedgerEntry?> FindEntryByKeyAsync(TenantId tenantId, string key, CancellationToken cancellationToken) => _inner.FindEntryByKeyAsync(tenantId, key, cancellationToken);

        public ValueTask<LedgerEntry?> FindEntryAsync(TenantId tenantId, LedgerEntryId entryId, CancellationToken cancellationToken) => _inner.FindEntryAsync(tenantId, entryId, cancellationToken);

        public ValueTask<IReadOnlyList<LedgerEntry>> ListReversalsAsync(TenantId tenantId, LedgerEntryId entryId, CancellationToken cancellationToken) => _inner.ListReversalsAsync(tenantId, entryId, cancellationToken);

        public ValueTask<IReadOnlyList<LotAllocation>> ListAllocationsAsync(TenantId tenantId, LedgerEntryId entryId, CancellationToken cancellationToken) => _inner.ListAllocationsAsync(tenantId, entryId, cancellationToken);

        public ValueTask<IReadOnlyList<LotBalance>> ListLotsAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken) => _inner.ListLotsAsync(tenantId, contactId, cancellationToken);

        public ValueTask<Page<LedgerEntry>> ListEntriesAsync(TenantId tenantId, ContactId contactId, PageRequest page, CancellationToken cancellationToken) => _inner.ListEntriesAsync(tenantId, contactId, page, cancellationToken);

        public ValueTask<long> SumEarnedAsync(TenantId tenantId, ContactId contactId, Instant from, Instant to, CancellationToken cancellationToken) => _inner.SumEarnedAsync(tenantId, contactId, from, to, cancellationToken);

        public ValueTask<long> CountRewardRedemptionsAsync(TenantId tenantId, string rewardId, ContactId? contactId, CancellationToken cancellationToken) => _inner.CountRewardRedemptionsAsync(tenantId, rewardId, contactId, cancellationToken);

        public ValueTask<IReadOnlyList<Members.MemberPoints>> ListTopEarnersAsync(TenantId tenantId, Instant from, Instant to, int count, CancellationToken cancellationToken) => _inner.ListTopEarnersAsync(tenantId, from, to, count, cancellationToken);

        public ValueTask SaveAsync(TenantId tenantId, LoyaltyChangeSet changes, CancellationToken cancellationToken) => _inner.SaveAsync(tenantId, changes, cancellationToken);

        public ValueTask<long> GetVersionAsync(TenantId tenantId, string counter, CancellationToken cancellationToken) => _inner.GetVersionAsync(tenantId, counter, cancellationToken);
    }
}
