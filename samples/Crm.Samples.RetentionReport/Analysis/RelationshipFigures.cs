namespace Crm.Samples.RetentionReport.Analysis;

/// <summary>What the CRM database says about the generated base beyond its purchases: NPS, service and the loyalty club.</summary>
/// <param name="Nps">NPS per quarter and detractor alerts.</param>
/// <param name="Service">Support-case metrics and SLA breaches.</param>
/// <param name="SlaBreachEvents">SlaBreached events <c>CheckSlaAsync</c> wrote (one per case and timer).</param>
/// <param name="Loyalty">The loyalty club.</param>
/// <param name="ReferralRewards">The club's referral rewards.</param>
internal sealed record RelationshipFigures(NpsFigures Nps, ServiceFigures Service, long SlaBreachEvents, LoyaltyFigures Loyalty, ReferralRewardFigures ReferralRewards);
