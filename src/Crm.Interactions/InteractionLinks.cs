using Crm.Interactions.Feedback;
using Crm.Interactions.Purchases;
using Crm.Interactions.Support;

namespace Crm.Interactions;

/// <summary>The records an interaction belongs to: a support case, a purchase, a contract, a feedback response, an order of the host's shop.</summary>
/// <remarks>Every link is optional. <see cref="OrderReference"/> is the host's own order number: 1–<see cref="MaxOrderReferenceLength"/> printable ASCII characters without spaces.</remarks>
public sealed record InteractionLinks
{
    /// <summary>The longest order reference.</summary>
    public const int MaxOrderReferenceLength = 128;

    /// <summary>No links.</summary>
    public static InteractionLinks None { get; } = new();

    /// <summary>The support case the interaction is about.</summary>
    public CaseId? Case { get; init; }

    /// <summary>The purchase the interaction records or refers to.</summary>
    public PurchaseId? Purchase { get; init; }

    /// <summary>The contract the interaction records or refers to.</summary>
    public ContractId? Contract { get; init; }

    /// <summary>The feedback response the interaction records.</summary>
    public FeedbackId? Feedback { get; init; }

    /// <summary>The host's order number.</summary>
    public string? OrderReference { get; init; }

    /// <summary>Checks the links and returns them.</summary>
    /// <exception cref="ArgumentException">A link is an empty id, or the order reference breaks its rule.</exception>
    internal InteractionLinks Validated(string paramName)
    {
        if (Case is { IsEmpty: true } || Purchase is { IsEmpty: true } || Contract is { IsEmpty: true } || Feedback is { IsEmpty: true })
        {
            throw new ArgumentException("An interaction link must not be an empty id.", paramName);
        }

        if (OrderReference is { } order)
        {
            CheckOrderReference(order, paramName);
        }

        return this;
    }

    /// <summary>Checks an order reference against the rule.</summary>
    internal static string CheckOrderReference(string? order, string paramName)
        => string.IsNullOrEmpty(order) || order.Length > MaxOrderReferenceLength || !order.All(static c => c is >= '!' and <= '~')
            ? throw new ArgumentException($"An order reference must be 1 to {MaxOrderReferenceLength} printable ASCII characters without spaces.", paramName)
            : order;
}
