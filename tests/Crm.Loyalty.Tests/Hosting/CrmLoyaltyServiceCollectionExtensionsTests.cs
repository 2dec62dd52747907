using Crm.Loyalty.InMemory;
using Crm.Loyalty.Ledger;
using Crm.Loyalty.Program;
using Crm.Loyalty.Storage;
using Crm.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;

using static Crm.Loyalty.Tests.TestSupport.Programs;
using static Crm.Loyalty.Tests.TestSupport.TestHost;

namespace Crm.Loyalty.Tests.Hosting;

public sealed class CrmLoyaltyServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddLoyalty_starts_and_runs_the_program_over_the_in_memory_store()
    {
        using var provider = Build(s => s.AddCrm().AddContacts().AddLoyalty(o => o.Program = Basic()));
        Start(provider);
        var (tenant, member) = (new TenantId("t"), ContactId.New());

        using var scope = provider.CreateScope();
        var loyalty = scope.ServiceProvider.GetRequiredService<LoyaltyManager>();
        await loyalty.AccruePurchaseAsync(tenant, member, OneLine(12m, SystemClockNow(provider)));

        provider.GetRequiredService<ILoyaltyStore>().Should().BeSameAs(provider.GetRequiredService<InMemoryLoyaltyStore>());
        (await loyalty.GetBalanceAsync(tenant, member)).Available.Should().Be(12);
    }

    [Fact]
    public void Missing_program_fails_at_start_naming_the_option()
    {
        using var provider = Build(s => s.AddCrm().AddLoyalty());

        var act = () => Start(provider);

        act.Should().Throw<OptionsValidationException>().WithMessage("*LoyaltyOptions.Program must be set*");
    }

    [Fact]
    public void Invalid_program_fails_at_start_naming_the_rule()
    {
        using var provider = Build(s => s.AddCrm().AddLoyalty(o => o.Program = Basic() with { Rounding = PointsRounding.Unset }));

        var act = () => Start(provider);

        act.Should().Throw<OptionsValidationException>().WithMessage("*Rounding must be set explicitly*");
    }

    [Fact]
    public void Store_without_an_outbox_fails_at_start()
    {
        using var provider = Build(s =>
        {
            s.AddSingleton<ILoyaltyStore, StoreWithoutOutbox>();
            s.AddCrm().AddLoyalty(o => o.Program = Basic());
        });

        var act = () => Start(provider);

        act.Should().Throw<OptionsValidationException>().WithMessage("*does not implement Crm.Outbox.IOutboxStore*");
    }

    [Fact]
    public void Host_store_registered_after_wins()
    {
        using var provider = Build(s =>
        {
            s.AddCrm().AddLoyalty(o => o.Program = Basic());
            s.AddSingleton<ILoyaltyStore, StoreWithoutOutbox>();
        });

        provider.GetRequiredService<ILoyaltyStore>().Should().BeOfType<StoreWithoutOutbox>();
    }

    private static Instant SystemClockNow(IServiceProvider provider) => provider.GetRequiredService<IClock>().GetCurrentInstant();

    /// <summary>A store that lacks the outbox capability; it is never called.</summary>
    private sealed class StoreWithoutOutbox : ILoyaltyStore
    {
        public ValueTask<LoyaltyAccount> GetAccountAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask<LedgerEntry?> FindEntryByKeyAsync(TenantId tenantId, string key, CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask<LedgerEntry?> FindEntryAsync(TenantId tenantId, LedgerEntryId entryId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask<IReadOnlyList<LedgerEntry>> ListReversalsAsync(TenantId tenantId, LedgerEntryId entryId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask<IReadOnlyList<LotAllocation>> ListAllocationsAsync(TenantId tenantId, LedgerEntryId entryId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask<IReadOnlyList<LotBalance>> ListLotsAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask<Page<LedgerEntry>> ListEntriesAsync(TenantId tenantId, ContactId contactId, PageRequest page, CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask<long> SumEarnedAsync(TenantId tenantId, ContactId contactId, Instant from, Instant to, CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask<long> CountRewardRedemptionsAsync(TenantId tenantId, string rewardId, ContactId? contactId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask<IReadOnlyList<Crm.Loyalty.Members.MemberPoints>> ListTopEarnersAsync(TenantId tenantId, Instant from, Instant to, int count, CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask<long> GetVersionAsync(TenantId tenantId, string counter, CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask SaveAsync(TenantId tenantId, LoyaltyChangeSet changes, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
