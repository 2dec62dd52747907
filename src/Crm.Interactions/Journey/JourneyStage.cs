namespace Crm.Interactions.Journey;

/// <summary>A stage of a contact's journey, in the order a contact reaches them; see <see cref="ContactJourney"/> for the rule of each.</summary>
public enum JourneyStage
{
    /// <summary>The contact has a touchpoint with the business: any timeline entry except an internal note.</summary>
    Awareness = 1,

    /// <summary>The contact reached out (an inbound touchpoint, which includes purchases, feedback and cases opened) or met the team.</summary>
    Engagement = 2,

    /// <summary>The contact bought something and did not get all of it refunded.</summary>
    Purchase = 3,

    /// <summary>The contact had a touchpoint after that purchase: another purchase, a call, a case, a feedback response…</summary>
    PostPurchase = 4,

    /// <summary>After that purchase the contact recommends the business: an NPS promoter response (9–10) or host-provided evidence such as a referral.</summary>
    Advocacy = 5,
}
