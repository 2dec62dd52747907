using System.Collections.Concurrent;
using Crm.Events;
using Crm.InMemory;
using Crm.Interactions.Feedback;
using Crm.Interactions.Purchases;
using Crm.Interactions.Storage;
using Crm.Interactions.Support;
using Crm.Outbox;
using Crm.Storage;

namespace Crm.Interactions.InMemory;

/// <summary>The embedded default store of the interactions package: thread-safe, in-process, non-durable, with the version counters and the outbox the package needs.</summary>
/// <remarks>
/// Each tenant has its own partition and lock. Each contact's timeline is a sorted set of (instant, id) keys, newest
/// first, so a page is found in O(log n) and read in O(page) — plus, with a kind or channel filter, the entries of the
/// period it skips. <see cref="SaveAsync"/> checks every stamp, key, code and counter of a change set before writing any
/// of it, and appends the change set's events to the embedded <see cref="InMemoryOutbox"/> under the same lock. Register
/// it as a singleton (the DI builder does so by default).
/// </remarks>
public sealed partial class InMemoryInteractionStore : IInteractionStore, IVersionCounterStore, ISequenceStore, IOutboxStore
{
    private readonly ConcurrentDictionary<TenantId, TenantPartition> _tenants = new();

    /// <summary>The outbox holding every event this store's change sets wrote (for inspection in tests).</summary>
    public InMemoryOutbox Outbox { get; } = new();

    /// <inheritdoc />
    public ValueTask<Interaction?> FindInteractionAsync(TenantId tenantId, InteractionId interactionId, CancellationToken cancellationToken)
        => Read(tenantId, p => p.Interactions.GetValueOrDefault(interactionId), null, cancellationToken);

    /// <inheritdoc />
    public ValueTask<Page<Interaction>> GetTimelineAsync(TenantId tenantId, ContactId contactId, TimelineFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return Read(
            tenantId,
            p =>
            {
                if (!p.Timelines.TryGetValue(contactId, out var index))
                {
                    return CheckedEmpty<Interaction>(page);
                }

                var (first, last) = index.Bounds(filter.From, filter.To);
                return index.Page(page, first, last, key => p.Interactions[new InteractionId(key.Id)] is var i && filter.Matches(i) ? i : null, nameof(page));
            },
            CheckedEmpty<Interaction>(page),
            cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<InteractionId?> FindInteractionIdByIdempotencyKeyAsync(TenantId tenantId, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Read<InteractionId?>(tenantId, p => p.IdempotencyKeys.TryGetValue(key, out var record) ? record.InteractionId : null, null, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<Purchase?> FindPurchaseAsync(TenantId tenantId, PurchaseId purchaseId, CancellationToken cancellationToken)
        => Read(tenantId, p => p.Purchases.GetValueOrDefault(purchaseId), null, cancellationToken);

    /// <inheritdoc />
    public ValueTask<Page<Purchase>> ListPurchasesAsync(TenantId tenantId, PageRequest page, CancellationToken cancellationToken)
        => Read(tenantId, p => p.PurchaseOrder.Page(page, null, null, k => p.Purchases[new PurchaseId(k.Id)], nameof(page)), CheckedEmpty<Purchase>(page), cancellationToken);

    /// <inheritdoc />
    public ValueTask<Page<Purchase>> ListPurchasesByContactAsync(TenantId tenantId, ContactId contactId, PageRequest page, CancellationToken cancellationToken)
        => Read(
            tenantId,
            p => p.PurchasesByContact.TryGetValue(contactId, out var index) ? index.Page(page, null, null, k => p.Purchases[new PurchaseId(k.Id)], nameof(page)) : CheckedEmpty<Purchase>(page),
            CheckedEmpty<Purchase>(page),
            cancellationToken);

    /// <inheritdoc />
    public ValueTask<Contract?> FindContractAsync(TenantId tenantId, ContractId contractId, CancellationToken cancellationToken)
        => Read(tenantId, p => p.Contracts.GetValueOrDefault(contractId), null, cancellationToken);

    /// <inheritdoc />
    public ValueTask<Page<Contract>> ListContractsAsync(TenantId tenantId, PageRequest page, CancellationToken cancellationToken)
        => Read(tenantId, p => p.ContractOrder.Page(page, null, null, k => p.Contracts[new ContractId(k.Id)], nameof(page)), CheckedEmpty<Contract>(page), cancellationToken);

    /// <inheritdoc />
    public ValueTask<Page<Contract>> ListContractsByContactAsync(TenantId tenantId, ContactId contactId, PageRequest page, CancellationToken cancellationToken)
        => Read(
            tenantId,
            p => p.ContractsByContact.TryGetValue(contactId, out var index) ? index.Page(page, null, null, k => p.Contracts[new ContractId(k.Id)], nameof(page)) : CheckedEmpty<Contract>(page),
            CheckedEmpty<Contract>(page),
            cancellationToken);

    /// <inheritdoc />
    public ValueTask<SupportCase?> FindCaseAsync(TenantId tenantId, CaseId caseId, CancellationToken cancellationToken)
        => Read(tenantId, p => p.Cases.GetValueOrDefault(caseId), null, cancellationToken);

    /// <inheritdoc />
    public ValueTask<SupportCase?> FindCaseByTrackingCodeAsync(TenantId tenantId, string trackingCode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(trackingCode);
        return Read(tenantId, p => p.CasesByCode.TryGetValue(trackingCode, out var id) ? p.Cases[id] : null, null, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<Page<SupportCase>> ListCasesByContactAsync(TenantId tenantId, ContactId contactId, PageRequest page, CancellationToken cancellationToken)
        => Read(
            tenantId,
            p => p.CasesByContact.TryGetValue(contactId, out var index) ? index.Page(page, null, null, k => p.Cases[new CaseId(k.Id)], nameof(page)) : CheckedEmpty<SupportCase>(page),
            CheckedEmpty<SupportCase>(page),
            cancellationToken);

    /// <inheritdoc />
    public ValueTask<Page<SupportCase>> ListCasesAwaitingSlaCheckAsync(TenantId tenantId, PageRequest page, CancellationToken cancellationToken)
        => Read(tenantId, p => p.CasesAwaitingSla.Page(page, null, null, k => p.Cases[new CaseId(k.Id)], nameof(page)), CheckedEmpty<SupportCase>(page), cancellationToken);

    /// <inheritdoc />
    public ValueTask<FeedbackResponse?> FindFeedbackAsync(TenantId tenantId, FeedbackId feedbackId, CancellationToken cancellationToken)
        => Read(tenantId, p => p.Feedback.GetValueOrDefault(feedbackId), null, cancellationToken);

    /// <inheritdoc />
    public ValueTask<Page<FeedbackResponse>> ListFeedbackByContactAsync(TenantId tenantId, ContactId contactId, PageRequest page, CancellationToken cancellationToken)
        => Read(
            tenantId,
            p => p.FeedbackByContact.TryGetValue(contactId, out var index) ? index.Page(page, null, null, k => p.Feedback[new FeedbackId(k.Id)], nameof(page)) : CheckedEmpty<FeedbackResponse>(page),
            CheckedEmpty<FeedbackResponse>(page),
            cancellationToken);

    /// <inheritdoc />
    public ValueTask<long> GetVersionAsync(TenantId tenantId, string counter, CancellationToken cancellationToken)
    {
        VersionCheck.ValidateName(counter, nameof(counter));
        return Read(tenantId, p => p.Counters.GetValueOrDefault(counter), 0L, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<long> NextAsync(TenantId tenantId, string sequence, CancellationToken cancellationToken)
    {
        TenantId.ThrowIfEmpty(tenantId);
        VersionCheck.ValidateName(sequence, nameof(sequence));
        cancellationToken.ThrowIfCancellationRequested();
        var partition = _tenants.GetOrAdd(tenantId, static _ => new TenantPartition());
        lock (partition.Gate)
        {
            var next = partition.Counters.GetValueOrDefault(sequence) + 1;
            partition.Counters[sequence] = next;
            return ValueTask.FromResult(next);
        }
    }

    /// <inheritdoc />
    public ValueTask SaveAsync(TenantId tenantId, InteractionChangeSet changes, CancellationToken cancellationToken)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ArgumentNullException.ThrowIfNull(changes);
        cancellationToken.ThrowIfCancellationRequested();
        if (changes.IsEmpty)
        {
            return ValueTask.CompletedTask;
        }

        var partition = _tenants.GetOrAdd(tenantId, static _ => new TenantPartition());
        lock (partition.Gate)
        {
            partition.Check(tenantId, changes);
            Outbox.Check(tenantId, changes.Events);
            partition.Apply(changes);
            Outbox.Append(changes.Events);
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<OutboxMessage>> ClaimAsync(int maxCount, NodaTime.Instant now, NodaTime.Instant leaseUntil, CancellationToken cancellationToken)
        => Outbox.ClaimAsync(maxCount, now, leaseUntil, cancellationToken);

    /// <inheritdoc />
    public ValueTask<bool> CompleteAsync(OutboxLease lease, NodaTime.Instant deliveredAt, CancellationToken cancellationToken)
        => Outbox.CompleteAsync(lease, deliveredAt, cancellationToken);

    /// <inheritdoc />
    public ValueTask<bool> FailAsync(OutboxLease lease, string error, NodaTime.Instant? retryAt, CancellationToken cancellationToken)
        => Outbox.FailAsync(lease, error, retryAt, cancellationToken);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<OutboxMessage>> GetDeadLettersAsync(TenantId tenantId, int maxCount, CancellationToken cancellationToken)
        => Outbox.GetDeadLettersAsync(tenantId, maxCount, cancellationToken);

    /// <inheritdoc />
    public ValueTask<bool> RequeueDeadLetterAsync(TenantId tenantId, CrmEventId eventId, CancellationToken cancellationToken)
        => Outbox.RequeueDeadLetterAsync(tenantId, eventId, cancellationToken);

    /// <summary>An empty page, after checking that the request's cursor is one this store makes.</summary>
    private static Page<T> CheckedEmpty<T>(PageRequest page)
    {
        if (page.Cursor is not null)
        {
            SortKey.ParseCursor(page.Cursor, nameof(page));
        }

        return new Page<T>([], null);
    }

    private ValueTask<TResult> Read<TResult>(TenantId tenantId, Func<TenantPartition, TResult> read, TResult whenAbsent, CancellationToken cancellationToken)
    {
        TenantId.ThrowIfEmpty(tenantId);
        cancellationToken.ThrowIfCancellationRequested();
        if (!_tenants.TryGetValue(tenantId, out var partition))
        {
            return ValueTask.FromResult(whenAbsent);
        }

        lock (partition.Gate)
        {
            return ValueTask.FromResult(read(partition));
        }
    }
}
