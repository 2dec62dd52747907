using Crm.Interactions.Feedback;
using Crm.Interactions.InMemory;
using Crm.Interactions.Purchases;
using Crm.Interactions.Storage;
using Crm.Interactions.Support;
using Crm.Privacy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Crm.Interactions.Tests.Hosting;

public sealed class CrmInteractionsServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddInteractions_ResolvesEveryManagerOverTheInMemoryStore()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddCrm().AddInteractions();
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        await using var scope = provider.CreateAsyncScope();

        scope.ServiceProvider.GetRequiredService<IInteractionStore>().Should().BeOfType<InMemoryInteractionStore>();
        scope.ServiceProvider.GetRequiredService<InteractionManager>().Should().NotBeNull();
        scope.ServiceProvider.GetRequiredService<PurchaseManager>().Should().NotBeNull();
        scope.ServiceProvider.GetRequiredService<SupportCaseManager>().Should().NotBeNull();
        scope.ServiceProvider.GetRequiredService<FeedbackManager>().Should().NotBeNull();
        scope.ServiceProvider.GetServices<IPersonalDataContributor>().Should().ContainSingle(c => c.Name == "interactions");
        provider.GetRequiredService<IOptions<InteractionOptions>>().Value.Should().NotBeNull();
    }

    [Fact]
    public void AddInteractions_StoreWithoutOutbox_FailsValidationNamingTheRule()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IInteractionStore, StoreWithoutCapabilities>();
        services.AddCrm().AddInteractions();
        using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<IOptions<InteractionOptions>>().Value;

        act.Should().Throw<OptionsValidationException>().Which.Failures.Should()
            .Contain(f => f.Contains("IOutboxStore", StringComparison.Ordinal))
            .And.Contain(f => f.Contains("IVersionCounterStore", StringComparison.Ordinal));
    }

    [Fact]
    public void AddInteractions_BadTrackingCodeFormat_FailsValidationNamingTheField()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddCrm().AddInteractions(o =>
        {
            o.Support.TrackingCodes.Prefix = "Case no";
            o.Support.TrackingCodes.Padding = 40;
            o.Feedback.DetractorThreshold = 10;
        });
        using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<IOptions<InteractionOptions>>().Value;

        act.Should().Throw<OptionsValidationException>().Which.Failures.Should()
            .Contain(f => f.Contains("TrackingCodes.Prefix", StringComparison.Ordinal))
            .And.Contain(f => f.Contains("TrackingCodes.Padding", StringComparison.Ordinal))
            .And.Contain(f => f.Contains("DetractorThreshold", StringComparison.Ordinal));
    }

    /// <summary>A store that forwards to the in-memory one but offers neither an outbox nor version counters.</summary>
    private sealed class StoreWithoutCapabilities : IInteractionStore
    {
        private readonly InMemoryInteractionStore _inner = new();

        public ValueTask<Interaction?> FindInteractionAsync(TenantId tenantId, InteractionId interactionId, CancellationToken cancellationToken) => _inner.FindInteractionAsync(tenantId, interactionId, cancellationToken);

        public ValueTask<Crm.Storage.Page<Interaction>> GetTimelineAsync(TenantId tenantId, ContactId contactId, TimelineFilter filter, Crm.Storage.PageRequest page, CancellationToken cancellationToken) => _inner.GetTimelineAsync(tenantId, contactId, filter, page, cancellationToken);

        public ValueTask<InteractionId?> FindInteractionIdByIdempotencyKeyAsync(TenantId tenantId, string key, CancellationToken cancellationToken) => _inner.FindInteractionIdByIdempotencyKeyAsync(tenantId, key, cancellationToken);

        public ValueTask<Purchase?> FindPurchaseAsync(TenantId tenantId, PurchaseId purchaseId, CancellationToken cancellationToken) => _inner.FindPurchaseAsync(tenantId, purchaseId, cancellationToken);

        public ValueTask<Crm.Storage.Page<Purchase>> ListPurchasesAsync(TenantId tenantId, Crm.Storage.PageRequest page, CancellationToken cancellationToken) => _inner.ListPurchasesAsync(tenantId, page, cancellationToken);

        public ValueTask<Crm.Storage.Page<Purchase>> ListPurchasesByContactAsync(TenantId tenantId, ContactId contactId, Crm.Storage.PageRequest page, CancellationToken cancellationToken) => _inner.ListPurchasesByContactAsync(tenantId, contactId, page, cancellationToken);

        public ValueTask<Contract?> FindContractAsync(TenantId tenantId, ContractId contractId, CancellationToken cancellationToken) => _inner.FindContractAsync(tenantId, contractId, cancellationToken);

        public ValueTask<Crm.Storage.Page<Contract>> ListContractsAsync(TenantId tenantId, Crm.Storage.PageRequest page, CancellationToken cancellationToken) => _inner.ListContractsAsync(tenantId, page, cancellationToken);

        public ValueTask<Crm.Storage.Page<Contract>> ListContractsByContactAsync(TenantId tenantId, ContactId contactId, Crm.Storage.PageRequest page, CancellationToken cancellationToken) => _inner.ListContractsByContactAsync(tenantId, contactId, page, cancellationToken);

        public ValueTask<SupportCase?> FindCaseAsync(TenantId tenantId, CaseId caseId, CancellationToken cancellationToken) => _inner.FindCaseAsync(tenantId, caseId, cancellationToken);

        public ValueTask<SupportCase?> FindCaseByTrackingCodeAsync(TenantId tenantId, string trackingCode, CancellationToken cancellationToken) => _inner.FindCaseByTrackingCodeAsync(tenantId, trackingCode, cancellationToken);

        public ValueTask<Crm.Storage.Page<SupportCase>> ListCasesByContactAsync(TenantId tenantId, ContactId contactId, Crm.Storage.PageRequest page, CancellationToken cancellationToken) => _inner.ListCasesByContactAsync(tenantId, contactId, page, cancellationToken);

        public ValueTask<Crm.Storage.Page<SupportCase>> ListCasesAwaitingSlaCheckAsync(TenantId tenantId, Crm.Storage.PageRequest page, CancellationToken cancellationToken) => _inner.ListCasesAwaitingSlaCheckAsync(tenantId, page, cancellationToken);

        public ValueTask<FeedbackResponse?> FindFeedbackAsync(TenantId tenantId, FeedbackId feedbackId, CancellationToken cancellationToken) => _inner.FindFeedbackAsync(tenantId, feedbackId, cancellationToken);

        public ValueTask<Crm.Storage.Page<FeedbackResponse>> ListFeedbackByContactAsync(TenantId tenantId, ContactId contactId, Crm.Storage.PageRequest page, CancellationToken cancellationToken) => _inner.ListFeedbackByContactAsync(tenantId, contactId, page, cancellationToken);

        public ValueTask SaveAsync(TenantId tenantId, InteractionChangeSet changes, CancellationToken cancellationToken) => _inner.SaveAsync(tenantId, changes, cancellationToken);
    }
}
