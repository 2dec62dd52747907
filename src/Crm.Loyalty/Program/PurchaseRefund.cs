namespace Crm.Loyalty.Program;

/// <summary>A full or partial refund of a purchase that earned points.</summary>
/// <remarks>The reversal's idempotency key is derived from the purchase's source and <see cref="RefundId"/>
/// (<see cref="Ledger.LedgerKeys.Refund"/>). Each line's points are taken back pro rata to the refunded share of the line's
/// net amount, from the earning's stored snapshot, cumulatively and rounded down: the refund that completes a line takes
/// back exactly what is left of it.</remarks>
public sealed record PurchaseRefund
{
    /// <summary>Creates a refund of the given lines, or of everything not yet refunded when <paramref name="lines"/> is empty.</summary>
    /// <exception cref="ArgumentException">An id is empty or unusable in a key, or a line repeats.</exception>
    public PurchaseRefund(string purchaseSourceId, string refundId, IReadOnlyList<RefundLine>? lines = null, string purchaseSourceType = "purchase")
    {
        Ledger.LedgerKeys.ValidatePart(purchaseSourceType, nameof(purchaseSourceType));
        Ledger.LedgerKeys.ValidatePart(purchaseSourceId, nameof(purchaseSourceId));
        Ledger.LedgerKeys.ValidatePart(refundId, nameof(refundId));
        lines ??= [];
        if (lines.Any(l => l is null) || lines.Select(l => l.LineId).Distinct(StringComparer.Ordinal).Count() != lines.Count)
        {
            throw new ArgumentException("A refund names each line at most once.", nameof(lines));
        }

        PurchaseSourceType = purchaseSourceType;
        PurchaseSourceId = purchaseSourceId;
        RefundId = refundId;
        Lines = lines;
    }

    /// <summary>The refunded purchase's source type.</summary>
    public string PurchaseSourceType { get; }

    /// <summary>The refunded purchase's id.</summary>
    public string PurchaseSourceId { get; }

    /// <summary>The host's id of this refund.</summary>
    public string RefundId { get; }

    /// <summary>The refunded lines; empty for a full refund of what is left.</summary>
    public IReadOnlyList<RefundLine> Lines { get; }

    /// <summary>Whether this refunds everything not yet refunded.</summary>
    public bool IsFull => Lines.Count == 0;
}
