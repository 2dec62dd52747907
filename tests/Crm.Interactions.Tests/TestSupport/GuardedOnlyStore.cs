using Crm.Interactions.Feedback;
using Crm.Interactions.InMemory;
using Crm.Interactions.Purchases;
using Crm.Interactions.Storage;
using Crm.Interactions.Support;
using Crm.Storage;

namespace Crm.Interactions.Tests.TestSupport;

/// <summary>The in-memory store seen without <see cref="ISequenceStore"/>, so the case manager takes the guarded (read, then version-checked save) path.</summary>
internal sealed class GuardedOnlyStore(InMemoryInteractionStore inner) : IInteractionStore, IVersionCounterStore
{
    public ValueTask<Interaction?> FindInteractionAsync(TenantId tenantId, InteractionId interactionId, CancellationToken cancellationToken) => inner.FindInteractionAsync(tenantId, interactionId, cancellationToken);

    public ValueTask<Page<Interaction>> GetTimelineAsync(TenantId tenantId, ContactId contactId, TimelineFilter filter, PageRequest page, CancellationToken cancellationToken) => inner.GetTimelineAsync(tenantId, contactId, filter, page, cancellationToken);

    public ValueTask<InteractionId?> FindInteractionIdByIdempotencyKeyAsync(TenantId tenantId, string key, CancellationToken cancellationToken) => inner.FindInteractionIdByIdempotencyKeyAsync(tenantId, key, cancellationToken);

    public ValueTask<Purchase?> FindPurchaseAsync(TenantId tenantId, PurchaseId purchaseId, CancellationToken cancellationToken) => inner.FindPurchaseAsync(tenantId, purchaseId, cancellationToken);

    public ValueTask<Page<Purchase>> ListPurchasesAsync(TenantId tenantId, PageRequest page, CancellationToken cancellationToken) => inner.ListPurchasesAsync(tenantId, page, cancellationToken);

    public ValueTask<Page<Purchase>> ListPurchasesByContactAsync(TenantId tenantId, ContactId contactId, PageRequest page, CancellationToken cancellationToken) => inner.ListPurchasesByContactAsync(tenantId, contactId, page, cancellationToken);

    public ValueTask<Contract?> FindContractAsync(TenantId tenantId, ContractId contractId, CancellationToken cancellationToken) => inner.FindContractAsync(tenantId, contractId, cancellationToken);

    public ValueTask<Page<Contract>> ListContractsAsync(TenantId tenantId, PageRequest page, CancellationToken cancellationToken) => inner.ListContractsAsync(tenantId, page, cancellationToken);

    public ValueTask<Page<Contract>> ListContractsByContactAsync(TenantId tenantId, ContactId contactId, PageRequest page, CancellationToken cancellationToken) => inner.ListContractsByContactAsync(tenantId, contactId, page, cancellationToken);

    public ValueTask<SupportCase?> FindCaseAsync(TenantId tenantId, CaseId caseId, CancellationToken cancellationToken) => inner.FindCaseAsync(tenantId, caseId, cancellationToken);

    public ValueTask<SupportCase?> FindCaseByTrackingCodeAsync(TenantId tenantId, string trackingCode, CancellationToken cancellationToken) => inner.FindCaseByTrackingCodeAsync(tenantId, trackingCode, cancellationToken);

    public ValueTask<Page<SupportCase>> ListCasesByContactAsync(TenantId tenantId, ContactId contactId, PageRequest page, CancellationToken cancellationToken) => inner.ListCasesByContactAsync(tenantId, contactId, page, cancellationToken);

    public ValueTask<Page<SupportCase>> ListCasesAwaitingSlaCheckAsync(TenantId tenantId, PageRequest page, CancellationToken cancellationToken) => inner.ListCasesAwaitingSlaCheckAsync(tenantId, page, cancellationToken);

    public ValueTask<FeedbackResponse?> FindFeedbackAsync(TenantId tenantId, FeedbackId feedbackId, CancellationToken cancellationToken) => inner.FindFeedbackAsync(tenantId, feedbackId, cancellationToken);

    public ValueTask<Page<FeedbackResponse>> ListFeedbackByContactAsync(TenantId tenantId, ContactId contactId, PageRequest page, CancellationToken cancellationToken) => inner.ListFeedbackByContactAsync(tenantId, contactId, page, cancellationToken);

    public ValueTask SaveAsync(TenantId tenantId, InteractionChangeSet changes, CancellationToken cancellationToken) => inner.SaveAsync(tenantId, changes, cancellationToken);

    public ValueTask<long> GetVersionAsync(TenantId tenantId, string counter, CancellationToken cancellationToken) => inner.GetVersionAsync(tenantId, counter, cancellationToken);
}
