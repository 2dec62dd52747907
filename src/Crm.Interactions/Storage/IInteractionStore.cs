using Crm.Interactions.Feedback;
using Crm.Interactions.Purchases;
using Crm.Interactions.Support;
using Crm.Storage;

namespace Crm.Interactions.Storage;

/// <summary>
/// The store of the interactions package: reads timelines, purchases, contracts, cases and feedback, and applies change
/// sets atomically. It holds no rules; the managers validate, decide and re-check what the store returns.
/// </summary>
/// <remarks>
/// <para>Every method is scoped to one tenant: a store never returns or changes another tenant's data, even for an id
/// that exists there. Paged reads use keyset cursors (opaque strings the store made; a foreign cursor is an
/// <see cref="ArgumentException"/>) so a page costs the same at the end of a long history as at its start.</para>
/// <para>The package also needs <see cref="IVersionCounterStore"/> (tracking codes) and <see cref="Crm.Outbox.IOutboxStore"/>
/// (events) from the same store; the DI builder checks both at start-up.</para>
/// </remarks>
public interface IInteractionStore
{
    /// <summary>Finds a timeline entry by id, or returns <see langword="null"/>.</summary>
    ValueTask<Interaction?> FindInteractionAsync(TenantId tenantId, InteractionId interactionId, CancellationToken cancellationToken);

    /// <summary>One page of a contact's timeline, newest first: ordered by <see cref="Interaction.OccurredAt"/> descending, then <see cref="Interaction.Id"/> descending, keeping only entries that match <paramref name="filter"/>.</summary>
    /// <remarks>The period of the filter bounds the index range read; kinds and channels are matched within it.</remarks>
    /// <exception cref="ArgumentException">The cursor was not produced by this store.</exception>
    ValueTask<Page<Interaction>> GetTimelineAsync(TenantId tenantId, ContactId contactId, TimelineFilter filter, PageRequest page, CancellationToken cancellationToken);

    /// <summary>The timeline entry written by the command with idempotency key <paramref name="key"/>, or <see langword="null"/> when the key is unknown in the tenant.</summary>
    ValueTask<InteractionId?> FindInteractionIdByIdempotencyKeyAsync(TenantId tenantId, string key, CancellationToken cancellationToken);

    /// <summary>Finds a purchase, or returns <see langword="null"/>.</summary>
    ValueTask<Purchase?> FindPurchaseAsync(TenantId tenantId, PurchaseId purchaseId, CancellationToken cancellationToken);

    /// <summary>One page of the tenant's purchases in the order (<see cref="Purchase.OccurredAt"/>, <see cref="Purchase.Id"/>) ascending: what the metrics adapter streams.</summary>
    /// <exception cref="ArgumentException">The cursor was not produced by this store.</exception>
    ValueTask<Page<Purchase>> ListPurchasesAsync(TenantId tenantId, PageRequest page, CancellationToken cancellationToken);

    /// <summary>One page of a contact's purchases, oldest first (same order as <see cref="ListPurchasesAsync"/>).</summary>
    /// <exception cref="ArgumentException">The cursor was not produced by this store.</exception>
    ValueTask<Page<Purchase>> ListPurchasesByContactAsync(TenantId tenantId, ContactId contactId, PageRequest page, CancellationToken cancellationToken);

    /// <summary>Finds a contract, or returns <see langword="null"/>.</summary>
    ValueTask<Contract?> FindContractAsync(TenantId tenantId, ContractId contractId, CancellationToken cancellationToken);

    /// <summary>One page of the tenant's contracts in the order (<see cref="Contract.Start"/>, <see cref="Contract.Id"/>) ascending.</summary>
    /// <exception cref="ArgumentException">The cursor was not produced by this store.</exception>
    ValueTask<Page<Contract>> ListContractsAsync(TenantId tenantId, PageRequest page, CancellationToken cancellationToken);

    /// <summary>One page of a contact's contracts, oldest start first.</summary>
    /// <exception cref="ArgumentException">The cursor was not produced by this store.</exception>
    ValueTask<Page<Contract>> ListContractsByContactAsync(TenantId tenantId, ContactId contactId, PageRequest page, CancellationToken cancellationToken);

    /// <summary>Finds a case, or returns <see langword="null"/>.</summary>
    ValueTask<SupportCase?> FindCaseAsync(TenantId tenantId, CaseId caseId, CancellationToken cancellationToken);

    /// <summary>Finds a case by its tracking code (ordinal comparison), or returns <see langword="null"/>.</summary>
    ValueTask<SupportCase?> FindCaseByTrackingCodeAsync(TenantId tenantId, string trackingCode, CancellationToken cancellationToken);

    /// <summary>One page of a contact's cases, newest first (by <see cref="SupportCase.OpenedAt"/>, then id, descending).</summary>
    /// <exception cref="ArgumentException">The cursor was not produced by this store.</exception>
    ValueTask<Page<SupportCase>> ListCasesByContactAsync(TenantId tenantId, ContactId contactId, PageRequest page, CancellationToken cancellationToken);

    /// <summary>One page, in id order, of the tenant's cases whose <see cref="SupportCase.AwaitsSlaCheck"/> is true.</summary>
    /// <exception cref="ArgumentException">The cursor was not produced by this store.</exception>
    ValueTask<Page<SupportCase>> ListCasesAwaitingSlaCheckAsync(TenantId tenantId, PageRequest page, CancellationToken cancellationToken);

    /// <summary>Finds a feedback response, or returns <see langword="null"/>.</summary>
    ValueTask<FeedbackResponse?> FindFeedbackAsync(TenantId tenantId, FeedbackId feedbackId, CancellationToken cancellationToken);

    /// <summary>One page of a contact's feedback responses, newest first (by <see cref="FeedbackResponse.RespondedAt"/>, then id, descending): the contact's feedback time series.</summary>
    /// <exception cref="ArgumentException">The cursor was not produced by this store.</exception>
    ValueTask<Page<FeedbackResponse>> ListFeedbackByContactAsync(TenantId tenantId, ContactId contactId, PageRequest page, CancellationToken cancellationToken);

    /// <summary>Applies every change of <paramref name="changes"/> atomically, or none of them.</summary>
    /// <remarks>The checks, all made under the same lock or transaction as the write, are listed on <see cref="InteractionChangeSet"/>.</remarks>
    /// <exception cref="ConcurrencyConflictException">Nothing was written: a stamp, a version counter, an id, an idempotency key or a tracking code did not match. Retryable: re-read and re-decide.</exception>
    /// <exception cref="ArgumentException">The change set is malformed; nothing was written.</exception>
    ValueTask SaveAsync(TenantId tenantId, InteractionChangeSet changes, CancellationToken cancellationToken);
}
