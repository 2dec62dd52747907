using Crm.Events;
using Crm.Interactions.Events;
using Crm.Interactions.Storage;
using Crm.Storage;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Crm.Interactions.Purchases;

/// <summary>Records purchases, refunds and contracts, each with its timeline entry and events in one atomic change set.</summary>
/// <remarks>
/// <para>Amounts are <see cref="decimal"/> with an ISO 4217 currency; a purchase is never negative, a refund is positive
/// and never larger than what is left of its purchase — checked again at commit by the purchase's stamp, so two
/// concurrent refunds can never together exceed it (the loser re-reads and is refused or fits).</para>
/// <para>Every recording command takes an optional idempotency key: a repeat returns the first result and writes nothing.</para>
/// </remarks>
public sealed class PurchaseManager
{
    private readonly IInteractionStore _store;
    private readonly IClock _clock;
    private readonly ICrmEventIdGenerator _eventIds;
    private readonly ILogger<PurchaseManager> _logger;

    /// <summary>Creates the manager.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public PurchaseManager(IInteractionStore store, IClock clock, ICrmEventIdGenerator eventIds, ILogger<PurchaseManager> logger)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(eventIds);
        ArgumentNullException.ThrowIfNull(logger);
        _store = store;
        _clock = clock;
        _eventIds = eventIds;
        _logger = logger;
    }

    /// <summary>Records a purchase on the contact's timeline.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="draft"/> is null.</exception>
    /// <exception cref="ArgumentException">The tenant or contact is empty, the amount has no currency, the order reference, a line or the key breaks its rule.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The amount is negative, the channel undefined, or the instant in the future.</exception>
    public async Task<Purchase> RecordPurchaseAsync(TenantId tenantId, PurchaseDraft draft, CancellationToken cancellationToken = default)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ArgumentNullException.ThrowIfNull(draft);
        ContactId.ThrowIfEmpty(draft.ContactId, "draft.ContactId");
        if (draft.Amount.IsEmpty)
        {
            throw new ArgumentException("draft.Amount needs an ISO 4217 currency.", nameof(draft));
        }

        if (draft.Amount.Amount < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(draft), draft.Amount.Amount, "draft.Amount must not be negative; record a refund against the purchase instead.");
        }

        EnumRules.Check(draft.Channel, "draft.Channel");
        var key = TimelineEntries.CheckKey(draft.IdempotencyKey, "draft.IdempotencyKey");
        var order = draft.OrderReference is null ? null : InteractionLinks.CheckOrderReference(draft.OrderReference, "draft.OrderReference");
        var lines = draft.Lines ?? throw new ArgumentException("draft.Lines must not be null.", nameof(draft));
        var purchase = await TimelineEntries.RecordAsync(
            _store,
            tenantId,
            key,
            _logger,
            (replay, ct) => LinkedAsync(tenantId, replay.Links.Purchase, ct),
            ct =>
            {
                var now = _clock.GetCurrentInstant();
                var at = TimelineEntries.NotFuture(draft.OccurredAt, now, "draft.OccurredAt");
                var created = new Purchase(tenantId, PurchaseId.New(), draft.ContactId, at, draft.Amount, order, lines, [], now, ConcurrencyStamp.New());
                var entry = TimelineEntries.New(tenantId, draft.ContactId, InteractionKind.Purchase, draft.Channel, InteractionDirection.Inbound, at, draft.TeamMember, null,
                    new InteractionLinks { Purchase = created.Id, OrderReference = order }, now);
                return Task.FromResult((new InteractionChangeSet
                {
                    PurchasesCreated = [created],
                    InteractionsRecorded = [entry],
                    IdempotencyKeys = TimelineEntries.Keys(key, entry, now),
                    Events = [
                        _eventIds.Identify(new PurchaseRecorded(tenantId, now, created.Id, created.ContactId, created.Amount.Amount, created.Amount.Currency.ToString(), at)),
                        TimelineEntries.Event(_eventIds, entry, now),
                    ],
                }, created));
            },
            cancellationToken).ConfigureAwait(false);
        Log.PurchaseRecorded(_logger, tenantId, purchase.ContactId, purchase.Id);
        return purchase;
    }

    /// <summary>Refunds part or all of what is left of a purchase.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="purchaseId">The purchase.</param>
    /// <param name="amount">The amount to give back, in the purchase's currency (positive).</param>
    /// <param name="reason">Why, in the team's words (optional).</param>
    /// <param name="refundedAt">When; <see langword="null"/> means now. Not before the purchase, not in the future.</param>
    /// <param name="idempotencyKey">Makes the command safe to repeat.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The tenant or id is empty, or the reason or key breaks its rule.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The amount is not positive, or the instant is before the purchase or in the future.</exception>
    /// <exception cref="RecordNotFoundException">The purchase does not exist.</exception>
    /// <exception cref="RefundExceedsRemainingException">The amount is larger than what is left of the purchase.</exception>
    public async Task<Purchase> RefundAsync(
        TenantId tenantId, PurchaseId purchaseId, decimal amount, string? reason = null, Instant? refundedAt = null, string? idempotencyKey = null,
        CancellationToken cancellationToken = default)
    {
        TenantId.ThrowIfEmpty(tenantId);
        PurchaseId.ThrowIfEmpty(purchaseId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        var text = TextRules.OptionalText(reason, "Refund reason", nameof(reason));
        var key = TimelineEntries.CheckKey(idempotencyKey, nameof(idempotencyKey));
        var (refunded, number) = await TimelineEntries.RecordAsync(
            _store,
            tenantId,
            key,
            _logger,
            async (replay, ct) =>
            {
                var found = await LinkedAsync(tenantId, replay.Links.Purchase, ct).ConfigureAwait(false);
                return (found, found.Refunds.Count);
            },
            async ct =>
            {
                var purchase = await LinkedAsync(tenantId, purchaseId, ct).ConfigureAwait(false);
                var now = _clock.GetCurrentInstant();
                var at = TimelineEntries.NotFuture(refundedAt, now, nameof(refundedAt));
                if (at < purchase.OccurredAt)
                {
                    throw new ArgumentOutOfRangeException(nameof(refundedAt), at, "A refund must not be before its purchase.");
                }

                if (amount > purchase.RemainingAmount)
                {
                    throw new RefundExceedsRemainingException(purchaseId, amount, purchase.RemainingAmount);
                }

                var refund = new Refund(purchase.Refunds.Count + 1, amount, at, text);
                var changed = purchase.WithRefund(refund);
                var entry = TimelineEntries.New(tenantId, purchase.ContactId, InteractionKind.Refund, InteractionChannel.None, InteractionDirection.Outbound, at, null, null,
                    new InteractionLinks { Purchase = purchase.Id, OrderReference = purchase.OrderReference }, now);
                return (new InteractionChangeSet
                {
                    PurchasesReplaced = [new Replacement<Purchase>(changed, purchase.ConcurrencyStamp)],
                    InteractionsRecorded = [entry],
                    IdempotencyKeys = TimelineEntries.Keys(key, entry, now),
                    Events = [
                        _eventIds.Identify(new PurchaseRefunded(tenantId, now, purchase.Id, purchase.ContactId, refund.Number, amount, changed.RemainingAmount, purchase.Amount.Currency.ToString())),
                        TimelineEntries.Event(_eventIds, entry, now),
                    ],
                }, (changed, refund.Number));
            },
            cancellationToken).ConfigureAwait(false);
        Log.PurchaseRefunded(_logger, tenantId, refunded.Id, number);
        return refunded;
    }

    /// <summary>Records an active contract or subscription.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="draft"/> is null.</exception>
    /// <exception cref="ArgumentException">The tenant or contact is empty, the end is before the start, or a text or the key breaks its rule.</exception>
    public async Task<Contract> RecordContractAsync(TenantId tenantId, ContractDraft draft, CancellationToken cancellationToken = default)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ArgumentNullException.ThrowIfNull(draft);
        ContactId.ThrowIfEmpty(draft.ContactId, "draft.ContactId");
        var key = TimelineEntries.CheckKey(draft.IdempotencyKey, "draft.IdempotencyKey");
        var contract = await TimelineEntries.RecordAsync(
            _store,
            tenantId,
            key,
            _logger,
            (replay, ct) => LinkedContractAsync(tenantId, replay.Links.Contract, ct),
            ct =>
            {
                var now = _clock.GetCurrentInstant();
                var created = new Contract(tenantId, ContractId.New(), draft.ContactId, draft.Plan, draft.Start, draft.End, ContractStatus.Active, null, now, ConcurrencyStamp.New());
                return Task.FromResult(ContractChange(tenantId, created, null, draft.TeamMember, key, now));
            },
            cancellationToken).ConfigureAwait(false);
        Log.ContractChanged(_logger, tenantId, contract.Id, contract.Status);
        return contract;
    }

    /// <summary>Ends an active contract at <paramref name="endedAt"/> (default now), or cancels it with a reason when <paramref name="cancellationReason"/> is given.</summary>
    /// <exception cref="ArgumentException">The tenant or id is empty, or the reason or key breaks its rule.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The end is before the start or in the future.</exception>
    /// <exception cref="RecordNotFoundException">The contract does not exist.</exception>
    /// <exception cref="ContractNotActiveException">The contract already ended or was cancelled.</exception>
    public async Task<Contract> EndContractAsync(
        TenantId tenantId, ContractId contractId, Instant? endedAt = null, string? cancellationReason = null, string? idempotencyKey = null,
        CancellationToken cancellationToken = default)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ContractId.ThrowIfEmpty(contractId);
        var reason = TextRules.OptionalText(cancellationReason, "Cancellation reason", nameof(cancellationReason));
        var key = TimelineEntries.CheckKey(idempotencyKey, nameof(idempotencyKey));
        var contract = await TimelineEntries.RecordAsync(
            _store,
            tenantId,
            key,
            _logger,
            (replay, ct) => LinkedContractAsync(tenantId, replay.Links.Contract, ct),
            async ct =>
            {
                var current = await LinkedContractAsync(tenantId, contractId, ct).ConfigureAwait(false);
                if (current.Status != ContractStatus.Active)
                {
                    throw new ContractNotActiveException(contractId, current.Status);
                }

                var now = _clock.GetCurrentInstant();
                var at = TimelineEntries.NotFuture(endedAt, now, nameof(endedAt));
                if (at < current.Start)
                {
                    throw new ArgumentOutOfRangeException(nameof(endedAt), at, "A contract must not end before it starts.");
                }

                var changed = current.WithStatus(cancellationReason is null ? ContractStatus.Ended : ContractStatus.Cancelled, at, reason);
                return ContractChange(tenantId, changed, current, null, key, now);
            },
            cancellationToken).ConfigureAwait(false);
        Log.ContractChanged(_logger, tenantId, contract.Id, contract.Status);
        return contract;
    }

    /// <summary>Finds a purchase, or returns <see langword="null"/>.</summary>
    /// <exception cref="ArgumentException">The tenant or id is empty.</exception>
    public async Task<Purchase?> FindPurchaseAsync(TenantId tenantId, PurchaseId purchaseId, CancellationToken cancellationToken = default)
    {
        TenantId.ThrowIfEmpty(tenantId);
        PurchaseId.ThrowIfEmpty(purchaseId);
        var found = StoreGuard.Checked(await _store.FindPurchaseAsync(tenantId, purchaseId, cancellationToken).ConfigureAwait(false), tenantId, static p => p.TenantId, "purchase", _logger);
        return found?.Id == purchaseId ? found : null;
    }

    /// <summary>Finds a contract, or returns <see langword="null"/>.</summary>
    /// <exception cref="ArgumentException">The tenant or id is empty.</exception>
    public async Task<Contract?> FindContractAsync(TenantId tenantId, ContractId contractId, CancellationToken cancellationToken = default)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ContractId.ThrowIfEmpty(contractId);
        var found = StoreGuard.Checked(await _store.FindContractAsync(tenantId, contractId, cancellationToken).ConfigureAwait(false), tenantId, static c => c.TenantId, "contract", _logger);
        return found?.Id == contractId ? found : null;
    }

    /// <summary>One page of the contact's purchases, oldest first.</summary>
    /// <exception cref="ArgumentException">The tenant or contact is empty, or the cursor is foreign.</exception>
    public ValueTask<Page<Purchase>> ListPurchasesAsync(TenantId tenantId, ContactId contactId, PageRequest? page = null, CancellationToken cancellationToken = default)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ContactId.ThrowIfEmpty(contactId);
        return _store.ListPurchasesByContactAsync(tenantId, contactId, page ?? PageRequest.First(), cancellationToken);
    }

    /// <summary>One page of the contact's contracts, oldest start first.</summary>
    /// <exception cref="ArgumentException">The tenant or contact is empty, or the cursor is foreign.</exception>
    public ValueTask<Page<Contract>> ListContractsAsync(TenantId tenantId, ContactId contactId, PageRequest? page = null, CancellationToken cancellationToken = default)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ContactId.ThrowIfEmpty(contactId);
        return _store.ListContractsByContactAsync(tenantId, contactId, page ?? PageRequest.First(), cancellationToken);
    }

    private (InteractionChangeSet Changes, Contract Result) ContractChange(TenantId tenantId, Contract changed, Contract? previous, TeamMemberId? teamMember, string? key, Instant now)
    {
        var at = previous is null ? changed.Start : changed.End!.Value;
        var entry = TimelineEntries.New(tenantId, changed.ContactId, InteractionKind.ContractEvent, InteractionChannel.None, InteractionDirection.Internal,
            at < now ? at : now, teamMember, null, new InteractionLinks { Contract = changed.Id }, now);
        return (new InteractionChangeSet
        {
            ContractsCreated = previous is null ? [changed] : [],
            ContractsReplaced = previous is null ? [] : [new Replacement<Contract>(changed, previous.ConcurrencyStamp)],
            InteractionsRecorded = [entry],
            IdempotencyKeys = TimelineEntries.Keys(key, entry, now),
            Events = [
                _eventIds.Identify(new ContractChanged(tenantId, now, changed.Id, changed.ContactId, changed.Status, changed.Start, changed.End)),
                TimelineEntries.Event(_eventIds, entry, now),
            ],
        }, changed);
    }

    private async Task<Purchase> LinkedAsync(TenantId tenantId, PurchaseId? purchaseId, CancellationToken cancellationToken)
        => purchaseId is { } id && await FindPurchaseAsync(tenantId, id, cancellationToken).ConfigureAwait(false) is { } found
            ? found
            : throw new RecordNotFoundException("purchase", purchaseId?.ToString() ?? "(none)");

    private async Task<Contract> LinkedContractAsync(TenantId tenantId, ContractId? contractId, CancellationToken cancellationToken)
        => contractId is { } id && await FindContractAsync(tenantId, id, cancellationToken).ConfigureAwait(false) is { } found
            ? found
            : throw new RecordNotFoundException("contract", contractId?.ToString() ?? "(none)");
}
