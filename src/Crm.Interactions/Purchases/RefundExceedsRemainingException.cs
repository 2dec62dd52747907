namespace Crm.Interactions.Purchases;

/// <summary>Thrown when a refund is larger than what is left of its purchase; nothing was written.</summary>
public sealed class RefundExceedsRemainingException : CrmException
{
    /// <summary>The stable error code.</summary>
    public const string ErrorCode = "crm.interactions.refund_exceeds_remaining";

    /// <summary>Creates the exception.</summary>
    public RefundExceedsRemainingException(PurchaseId purchaseId, decimal requested, decimal remaining)
        : base(ErrorCode, FormattableString.Invariant($"A refund of {requested} is larger than the {remaining} left of purchase '{purchaseId}'."))
    {
        PurchaseId = purchaseId;
        Requested = requested;
        Remaining = remaining;
    }

    /// <summary>The purchase.</summary>
    public PurchaseId PurchaseId { get; }

    /// <summary>The refund asked for.</summary>
    public decimal Requested { get; }

    /// <summary>What was left to refund.</summary>
    public decimal Remaining { get; }
}
