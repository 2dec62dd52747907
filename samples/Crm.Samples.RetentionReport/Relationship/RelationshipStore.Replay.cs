using Crm.Interactions;
using Crm.Interactions.Feedback;
using Crm.Interactions.Purchases;
using Crm.Interactions.Support;
using Crm.Loyalty;
using Crm.Loyalty.Ledger;
using Crm.Loyalty.Referrals;
using Crm.Loyalty.Rewards;
using Crm.Samples.RetentionReport.Generation;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using LoyaltyPurchase = Crm.Loyalty.Program.Purchase;
using LoyaltyPurchaseLine = Crm.Loyalty.Program.PurchaseLine;
using PurchaseRefund = Crm.Loyalty.Program.PurchaseRefund;
using RefundLine = Crm.Loyalty.Program.RefundLine;

namespace Crm.Samples.RetentionReport.Relationship;

internal sealed partial class RelationshipStore
{
    // A fresh DI scope (and so a fresh DbContext) every so many steps keeps EF's change tracker small.
    private const int StepsPerScope = 250;

    /// <summary>
    /// Replays, in time order through the managers, the support cases (open, answer, more contacts, wait on the customer,
    /// resolve, reopen), the NPS answers, the refunds, the club's accruals, refund clawbacks and reward redemptions, the
    /// referral rewards (attribution, qualifying purchases, voiding refunds), and a monthly
    /// <see cref="SupportCaseManager.CheckSlaAsync"/> and <see cref="ReferralRewardManager.SettleReferralRewardsAsync"/>;
    /// the clock stands at each step's instant.
    /// </summary>
    public async Task ReplayAsync(
        CustomerBase customerBase, CustomerActivity activity, IReadOnlyList<ContactId> contacts, IReadOnlyList<PurchaseId> purchaseIds, IProgress<double> progress,
        CancellationToken cancellationToken)
    {
        var steps = new List<(Instant At, Func<IServiceProvider, Task> Run)>();
        var caseIds = new Dictionary<GeneratedCase, CaseId>(ReferenceEqualityComparer.Instance);
        var redeems = activity.Redemptions.ToHashSet();
        var balances = new long[contacts.Count];
        var clubStart = DemoPrograms.ClubStart.AtStartOfDayInZone(DemoPrograms.Club.TimeZone).ToInstant();
        var last = customerBase.AsOf.PlusDays(1).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant() - Duration.FromSeconds(1);

        // Referral rewards: a customer referred since the club started is attributed to their referrer when acquired (before
        // their first purchase at the same instant), and each of their purchases and refunds is reported to the reward.
        var referees = new bool[contacts.Count];
        for (var c = 0; c < customerBase.Customers.Count; c++)
        {
            var customer = customerBase.Customers[c];
            if (customer.ReferredBy is { } referrer && customer.Acquired >= clubStart)
            {
                referees[c] = true;
                var claim = new ReferralClaim(contacts[c], contacts[referrer], $"signup-{c + 1}");
                steps.Add((customer.Acquired, sp => sp.GetRequiredService<ReferralRewardManager>().AttributeAsync(_tenant, claim, cancellationToken)));
            }
        }

        for (var i = 0; i < customerBase.Purchases.Count; i++)
        {
            var index = i;
            var p = customerBase.Purchases[i];
            if (p.At >= clubStart && activity.ClubMembers[p.Customer])
            {
                steps.Add((p.At, sp => AccrueAsync(sp, contacts[p.Customer], index, p, balances, redeems.Contains(index), cancellationToken)));
            }

            if (referees[p.Customer])
            {
                var amount = new Money(p.Amount, DemoPrograms.Currency);
                steps.Add((p.At, sp => sp.GetRequiredService<ReferralRewardManager>().RecordPurchaseAsync(_tenant, contacts[p.Customer], "purchase", OrderReference(index), amount, p.At, cancellationToken)));
            }
        }

        var refunded = new Dictionary<int, decimal>();
        foreach (var refund in activity.Refunds.OrderBy(r => r.At))
        {
            var p = customerBase.Purchases[refund.Purchase];
            refunded[refund.Purchase] = refunded.GetValueOrDefault(refund.Purchase) + refund.Amount;
            if (referees[p.Customer])
            {
                var left = new Money(Math.Max(0m, p.Amount - refunded[refund.Purchase]), DemoPrograms.Currency);
                steps.Add((refund.At, sp => sp.GetRequiredService<ReferralRewardManager>().RecordRefundAsync(_tenant, contacts[p.Customer], "purchase", OrderReference(refund.Purchase), left, refund.At, cancellationToken)));
            }
        }

        foreach (var refund in activity.Refunds)
        {
            var p = customerBase.Purchases[refund.Purchase];
            var earned = p.At >= clubStart && activity.ClubMembers[p.Customer];
            steps.Add((refund.At, sp => RefundAsync(sp, contacts[p.Customer], purchaseIds[refund.Purchase], refund, p, earned, balances, cancellationToken)));
        }

        foreach (var supportCase in activity.Cases)
        {
            var contact = contacts[supportCase.Customer];
            steps.Add((supportCase.OpenedAt, async sp => caseIds[supportCase] = (await sp.GetRequiredService<SupportCaseManager>().OpenAsync(_tenant, new CaseDraft
            {
                ContactId = contact,
                Priority = supportCase.Priority,
                Category = supportCase.Category,
                Channel = supportCase.Channel,
                OpenedAt = supportCase.OpenedAt,
            }, cancellationToken)).Id));
            foreach (var (at, kind) in supportCase.Steps)
            {
                steps.Add((at, sp => CaseStepAsync(sp, contact, caseIds[supportCase], supportCase.Channel, at, kind, cancellationToken)));
            }
        }

        foreach (var answer in activity.Feedback)
        {
            steps.Add((answer.At, sp => sp.GetRequiredService<FeedbackManager>().RecordAsync(_tenant, new FeedbackDraft
            {
                ContactId = contacts[answer.Customer],
                Survey = FeedbackSurvey.Nps,
                Score = answer.Score,
                RespondedAt = answer.At,
                Case = answer.Case is { } c ? caseIds[c] : null,
            }, cancellationToken)));
        }

        // The scheduler's SLA check: on the first of every month, and in the last second observed.
        for (var month = customerBase.FirstDay.With(DateAdjusters.StartOfMonth).PlusMonths(1); month <= customerBase.AsOf; month = month.PlusMonths(1))
        {
            var asOf = month.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant();
            steps.Add((asOf, sp => sp.GetRequiredService<SupportCaseManager>().CheckSlaAsync(_tenant, asOf, cancellationToken)));
            steps.Add((asOf, sp => sp.GetRequiredService<ReferralRewardManager>().SettleReferralRewardsAsync(_tenant, asOf, cancellationToken)));
        }

        steps.Add((last, sp => sp.GetRequiredService<SupportCaseManager>().CheckSlaAsync(_tenant, last, cancellationToken)));
        steps.Add((last, sp => sp.GetRequiredService<ReferralRewardManager>().SettleReferralRewardsAsync(_tenant, last, cancellationToken)));

        // A stable sort: steps at the same instant keep the order they were added in (a case opens before its steps).
        var ordered = steps.Select((s, n) => (s.At, s.Run, n)).OrderBy(s => s.At).ThenBy(s => s.n).ToArray();
        for (var start = 0; start < ordered.Length; start += StepsPerScope)
        {
            await using var scope = await OpenScopeAsync(cancellationToken);
            foreach (var (at, run, _) in ordered.AsSpan(start, Math.Min(StepsPerScope, ordered.Length - start)).ToArray())
            {
                _clock.AdvanceTo(at);
                await run(scope.ServiceProvider);
            }

            progress.Report(Math.Min(ordered.Length, start + StepsPerScope) / (double)ordered.Length);
        }

    }

    private Task CaseStepAsync(IServiceProvider services, ContactId contact, CaseId caseId, InteractionChannel channel, Instant at, CaseStepKind kind, CancellationToken cancellationToken)
    {
        var cases = services.GetRequiredService<SupportCaseManager>();
        return kind switch
        {
            CaseStepKind.Respond => cases.RespondAsync(_tenant, caseId, new TeamMemberId("agent-" + (1 + (Math.Abs(caseId.GetHashCode()) % 6))), at, cancellationToken: cancellationToken),
            CaseStepKind.CustomerContact => services.GetRequiredService<InteractionManager>().RecordAsync(_tenant, new InteractionDraft
            {
                ContactId = contact,
                Kind = channel switch { InteractionChannel.Phone => InteractionKind.Call, InteractionChannel.Email => InteractionKind.Email, _ => InteractionKind.Message },
                Channel = channel,
                Direction = InteractionDirection.Inbound,
                OccurredAt = at,
                Case = caseId,
            }, cancellationToken),
            CaseStepKind.Pending => cases.ChangeStatusAsync(_tenant, caseId, CaseStatus.Pending, at, cancellationToken: cancellationToken),
            CaseStepKind.CustomerReplied or CaseStepKind.Reopen => cases.ChangeStatusAsync(_tenant, caseId, CaseStatus.Open, at, cancellationToken: cancellationToken),
            _ => cases.ChangeStatusAsync(_tenant, caseId, CaseStatus.Resolved, at, cancellationToken: cancellationToken),
        };
    }

    // Earn the purchase's points; after the purchases the generator chose, the member redeems the dearest reward their
    // balance (as the ledger's answers have told it) covers.
    private async Task AccrueAsync(IServiceProvider services, ContactId contact, int index, GeneratedPurchase purchase, long[] balances, bool redeem, CancellationToken cancellationToken)
    {
        var loyalty = services.GetRequiredService<LoyaltyManager>();
        var earned = await loyalty.AccruePurchaseAsync(_tenant, contact, new LoyaltyPurchase(OrderReference(index), purchase.At, [new LoyaltyPurchaseLine("1", new Money(purchase.Amount, DemoPrograms.Currency))]), cancellationToken);
        balances[purchase.Customer] += earned?.Points ?? 0;
        if (!redeem || Affordable(balances[purchase.Customer]) is not { } reward)
        {
            return;
        }

        try
        {
            var redeemed = await loyalty.RedeemRewardAsync(_tenant, contact, reward.Id, new IdempotencyKey($"checkout-{index + 1}"), cancellationToken);
            balances[purchase.Customer] += redeemed.Points;
        }
        catch (Exception ex) when (ex is InsufficientPointsException or RewardUnavailableException)
        {
            // Refused (lots expired meanwhile, the gift boxes ran out, or the member already had one): nothing changed.
        }
    }

    private static Reward? Affordable(long balance) => DemoPrograms.Club.Rewards.Where(r => r.PointCost <= balance).MaxBy(r => r.PointCost);

    private async Task RefundAsync(
        IServiceProvider services, ContactId contact, PurchaseId purchaseId, GeneratedRefund refund, GeneratedPurchase purchase, bool earnedPoints, long[] balances, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<PurchaseManager>().RefundAsync(_tenant, purchaseId, refund.Amount, refundedAt: refund.At, cancellationToken: cancellationToken);
        if (!earnedPoints)
        {
            return;
        }

        var order = OrderReference(refund.Purchase);
        var lines = refund.Amount == purchase.Amount ? null : new[] { new RefundLine("1", new Money(refund.Amount, DemoPrograms.Currency)) };
        var reversal = await services.GetRequiredService<LoyaltyManager>().RefundAsync(_tenant, contact, new PurchaseRefund(order, "1", lines), cancellationToken);
        balances[purchase.Customer] += reversal?.Points ?? 0;
    }
}
