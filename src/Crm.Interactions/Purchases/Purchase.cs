using System.Collections.Immutable;
using Crm.Storage;
using NodaTime;

namespace Crm.Interactions.Purchases;

/// <summary>A contact's purchase: an amount in one currency, the host's order reference, optional lines, and the refunds made against it.</summary>
/// <remarks>The amount is never negative; refunds are kept as their own records and never exceed the amount (<see cref="RemainingAmount"/> stays ≥ 0).</remarks>
public sealed class Purchase
{
    /// <summary>Creates a purchase snapshot.</summary>
    /// <exception cref="ArgumentException">An id or the tenant is empty, the amount is negative or has no currency, the order reference breaks its rule, a line's or the refunds' total exceeds the amount.</exception>
    /// <exception cref="ArgumentNullException">A list is null.</exception>
    public Purchase(
        TenantId tenantId, PurchaseId id, ContactId contactId, Instant occurredAt, Money amount, string? orderReference,
        IEnumerable<PurchaseLine> lines, IEnumerable<Refund> refunds, Instant recordedAt, ConcurrencyStamp concurrencyStamp)
    {
        TenantId.ThrowIfEmpty(tenantId);
        PurchaseId.ThrowIfEmpty(id);
        ContactId.ThrowIfEmpty(contactId);
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(refunds);
        if (amount.IsEmpty || amount.Amount < 0)
        {
            throw new ArgumentException("Purchase.Amount must have a currency and must not be negative.", nameof(amount));
        }

        if (concurrencyStamp.IsEmpty)
        {
            throw new ArgumentException("A purchase needs a concurrency stamp.", nameof(concurrencyStamp));
        }

        Lines = lines.ToImmutableArray();
        Refunds = refunds.ToImmutableArray();
        if (Lines.Any(static l => l is null) || Refunds.Any(static r => r is null))
        {
            throw new ArgumentException("Purchase lines and refunds must not contain null.", nameof(lines));
        }

        RefundedAmount = Refunds.Sum(static r => r.Amount);
        if (RefundedAmount > amount.Amount)
        {
            throw new ArgumentException("The refunds of a purchase must not exceed its amount.", nameof(refunds));
        }

        TenantId = tenantId;
        Id = id;
        ContactId = contactId;
        OccurredAt = occurredAt;
        Amount = amount;
        OrderReference = orderReference is null ? null : InteractionLinks.CheckOrderReference(orderReference, nameof(orderReference));
        RecordedAt = recordedAt;
        ConcurrencyStamp = concurrencyStamp;
    }

    /// <summary>The tenant.</summary>
    public TenantId TenantId { get; }

    /// <summary>The id.</summary>
    public PurchaseId Id { get; }

    /// <summary>The buyer.</summary>
    public ContactId ContactId { get; }

    /// <summary>When the purchase happened.</summary>
    public Instant OccurredAt { get; }

    /// <summary>What was paid (not negative).</summary>
    public Money Amount { get; }

    /// <summary>The host's order number, if given; <see langword="null"/> after erasure.</summary>
    public string? OrderReference { get; }

    /// <summary>The purchase lines, if given.</summary>
    public IReadOnlyList<PurchaseLine> Lines { get; }

    /// <summary>The refunds made, oldest first.</summary>
    public IReadOnlyList<Refund> Refunds { get; }

    /// <summary>The total refunded.</summary>
    public decimal RefundedAmount { get; }

    /// <summary>What is left to refund: the amount minus the refunds (never negative).</summary>
    public decimal RemainingAmount => Amount.Amount - RefundedAmount;

    /// <summary>Whether the whole amount was refunded (a zero-amount purchase counts as fully refunded only after a refund, which it cannot have).</summary>
    public bool IsFullyRefunded => Refunds.Count > 0 && RemainingAmount == 0;

    /// <summary>When it was stored.</summary>
    public Instant RecordedAt { get; }

    /// <summary>The version token, new on every write.</summary>
    public ConcurrencyStamp ConcurrencyStamp { get; }

    internal Purchase WithRefund(Refund refund)
        => new(TenantId, Id, ContactId, OccurredAt, Amount, OrderReference, Lines, [.. Refunds, refund], RecordedAt, ConcurrencyStamp.New());

    internal Purchase Anonymized()
        => new(TenantId, Id, ContactId, OccurredAt, Amount, null, Lines,
            Refunds.Select(static r => new Refund(r.Number, r.Amount, r.RefundedAt, null)), RecordedAt, ConcurrencyStamp.New());

    /// <summary>The amount, refunds and id; never the order reference.</summary>
    public override string ToString() => FormattableString.Invariant($"purchase {Id} of {Amount} at {OccurredAt} ({RefundedAmount} refunded)");
}
