using NodaTime;

namespace Crm.Interactions.Journey;

/// <summary>The first instants a journey is derived from, as an <see cref="Storage.IJourneyStore"/> reads them for one contact: each the earliest fact of its kind, or <see langword="null"/> when there is none.</summary>
/// <remarks>A "touchpoint" is a timeline entry (<see cref="Interaction"/>) whose kind is not <see cref="InteractionKind.Note"/>.</remarks>
public sealed class JourneyFacts
{
    /// <summary>No facts: a contact without touchpoints or purchases.</summary>
    public static JourneyFacts None { get; } = new(null, null, null, null, null);

    /// <summary>Creates the facts.</summary>
    /// <exception cref="ArgumentException"><paramref name="firstTouchpointAfterPurchaseAt"/> or <paramref name="firstPromoterAfterPurchaseAt"/> is given without, or not after, <paramref name="firstPurchaseAt"/>.</exception>
    public JourneyFacts(Instant? firstTouchpointAt, Instant? firstEngagementAt, Instant? firstPurchaseAt, Instant? firstTouchpointAfterPurchaseAt, Instant? firstPromoterAfterPurchaseAt)
    {
        CheckAfterPurchase(firstPurchaseAt, firstTouchpointAfterPurchaseAt, nameof(firstTouchpointAfterPurchaseAt));
        CheckAfterPurchase(firstPurchaseAt, firstPromoterAfterPurchaseAt, nameof(firstPromoterAfterPurchaseAt));
        FirstTouchpointAt = firstTouchpointAt;
        FirstEngagementAt = firstEngagementAt;
        FirstPurchaseAt = firstPurchaseAt;
        FirstTouchpointAfterPurchaseAt = firstTouchpointAfterPurchaseAt;
        FirstPromoterAfterPurchaseAt = firstPromoterAfterPurchaseAt;
    }

    /// <summary>The earliest <see cref="Interaction.OccurredAt"/> of the contact's touchpoints.</summary>
    public Instant? FirstTouchpointAt { get; }

    /// <summary>The earliest <see cref="Interaction.OccurredAt"/> of the contact's touchpoints that are <see cref="InteractionDirection.Inbound"/> or a <see cref="InteractionKind.Meeting"/>.</summary>
    public Instant? FirstEngagementAt { get; }

    /// <summary>The earliest <see cref="Purchases.Purchase.OccurredAt"/> of the contact's purchases that are not <see cref="Purchases.Purchase.IsFullyRefunded"/>.</summary>
    public Instant? FirstPurchaseAt { get; }

    /// <summary>The earliest <see cref="Interaction.OccurredAt"/> of the contact's touchpoints strictly after <see cref="FirstPurchaseAt"/>.</summary>
    public Instant? FirstTouchpointAfterPurchaseAt { get; }

    /// <summary>The earliest <see cref="Feedback.FeedbackResponse.RespondedAt"/> strictly after <see cref="FirstPurchaseAt"/> of the contact's <see cref="Feedback.FeedbackSurvey.Nps"/> responses scoring 9 or 10 (promoters).</summary>
    public Instant? FirstPromoterAfterPurchaseAt { get; }

    /// <summary>The five instants.</summary>
    public override string ToString()
        => $"touchpoint {FirstTouchpointAt}, engagement {FirstEngagementAt}, purchase {FirstPurchaseAt}, after purchase {FirstTouchpointAfterPurchaseAt}, promoter {FirstPromoterAfterPurchaseAt}";

    private static void CheckAfterPurchase(Instant? purchaseAt, Instant? after, string paramName)
    {
        if (after is { } at && (purchaseAt is not { } purchase || at <= purchase))
        {
            throw new ArgumentException("A fact after the purchase needs a purchase instant before it.", paramName);
        }
    }
}
