namespace Crm.Samples.RetentionReport.Generation;

/// <summary>What the generated customers did besides buying: calls and e-mails, support cases, NPS answers, refunds and club membership.</summary>
/// <param name="Touches">Calls and e-mails outside support cases, in time order.</param>
/// <param name="Cases">Support cases, in order of opening.</param>
/// <param name="Feedback">NPS answers, in time order.</param>
/// <param name="Refunds">Refunds, in time order.</param>
/// <param name="ClubMembers">Whether each customer (by index) joined the loyalty club.</param>
/// <param name="Redemptions">The purchases (by index) after which the club member redeems the dearest reward their points cover, if any.</param>
internal sealed record CustomerActivity(
    IReadOnlyList<GeneratedTouch> Touches,
    IReadOnlyList<GeneratedCase> Cases,
    IReadOnlyList<GeneratedFeedback> Feedback,
    IReadOnlyList<GeneratedRefund> Refunds,
    IReadOnlyList<bool> ClubMembers,
    IReadOnlyList<int> Redemptions);
