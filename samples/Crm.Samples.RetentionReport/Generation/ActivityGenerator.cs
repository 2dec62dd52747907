using Crm.Interactions;
using Crm.Interactions.Support;
using MathNet.Numerics.Distributions;
using Crm.Samples.RetentionReport.Relationship;
using NodaTime;

namespace Crm.Samples.RetentionReport.Generation;

/// <summary>
/// Generates, with a fixed seed, what a generated base's customers did besides buying: follow-up e-mails and calls,
/// support cases with a script (first response, more contacts, waiting on the customer, resolution, reopening),
/// NPS answers whose mix improves over the two years, refunds, and who joined the loyalty club.
/// </summary>
/// <remarks>
/// Rates are per purchase. The team's answers and resolutions come log-normal business times (σ = 0.7) after the step
/// before, in the service desk's calendar, with medians by priority well inside the SLA targets, so some cases breach
/// and most do not; the customer's steps (more contacts, replies, reopening) come at any hour. NPS answers after a purchase are promoters with
/// probability 0.20 + 0.40 t and detractors with 0.50 − 0.40 t, t going from 0 to 1 over the base's span (an NPS of
/// about −30 drifting to about +50); answers after a case depend on how it went.
/// </remarks>
/// <param name="seed">The seed: one seed, one history.</param>
internal sealed class ActivityGenerator(int seed)
{
    /// <summary>The share of purchases followed by an outbound "how was it?" e-mail.</summary>
    public const double FollowUpEmailShare = 0.2;

    /// <summary>The share of purchases followed by an inbound call outside any case.</summary>
    public const double CallShare = 0.05;

    /// <summary>The share of purchases that lead to a support case.</summary>
    public const double CaseShare = 0.025;

    /// <summary>The share of purchases followed by an NPS survey the customer answers.</summary>
    public const double SurveyShare = 0.06;

    /// <summary>The share of resolved cases followed by an NPS survey the customer answers.</summary>
    public const double CaseSurveyShare = 0.6;

    /// <summary>The share of customers who join the loyalty club (it earns on their purchases from the club's start).</summary>
    public const double ClubShare = 0.12;

    /// <summary>The share of club members' purchases after which the member redeems the dearest reward their points cover.</summary>
    public const double RedeemShare = 0.3;

    /// <summary>The share of purchases refunded, in full or in part.</summary>
    public const double RefundShare = 0.03;

    /// <summary>The share of cases resolved in the first contact.</summary>
    public const double FirstContactShare = 0.55;

    /// <summary>The share of resolved cases the customer reopens.</summary>
    public const double ReopenShare = 0.08;

    private static readonly string[] Categories = ["delivery", "billing", "product", "returns", "account"];
    private static readonly InteractionChannel[] CaseChannels = [InteractionChannel.Email, InteractionChannel.Phone, InteractionChannel.Chat];

    /// <summary>The history used when the report runs with no arguments.</summary>
    public static ActivityGenerator Default { get; } = new(seed: 20_251_231);

    /// <summary>Generates the activity of <paramref name="customerBase"/>'s customers up to its last day.</summary>
    public CustomerActivity Generate(CustomerBase customerBase)
    {
        ArgumentNullException.ThrowIfNull(customerBase);
        var random = new Random(seed);
        var start = customerBase.FirstDay.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant();
        var end = customerBase.AsOf.PlusDays(1).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant() - Duration.FromSeconds(1);
        var touches = new List<GeneratedTouch>();
        var cases = new List<GeneratedCase>();
        var feedback = new List<GeneratedFeedback>();
        var refunds = new List<GeneratedRefund>();
        var members = customerBase.Customers.Select(_ => random.NextDouble() < ClubShare).ToArray();
        var redemptions = new List<int>();
        for (var i = 0; i < customerBase.Purchases.Count; i++)
        {
            var purchase = customerBase.Purchases[i];
            if (members[purchase.Customer] && random.NextDouble() < RedeemShare)
            {
                redemptions.Add(i);
            }

            if (random.NextDouble() < FollowUpEmailShare && After(purchase.At, Hours(random, 24, 72), end) is { } mailed)
            {
                touches.Add(new GeneratedTouch(purchase.Customer, mailed, InteractionKind.Email, InteractionDirection.Outbound, InteractionChannel.Email));
            }

            if (random.NextDouble() < CallShare && After(purchase.At, Hours(random, 1, 14 * 24), end) is { } called)
            {
                touches.Add(new GeneratedTouch(purchase.Customer, called, InteractionKind.Call, InteractionDirection.Inbound, InteractionChannel.Phone));
            }

            if (random.NextDouble() < RefundShare && After(purchase.At, Hours(random, 24, 25 * 24), end) is { } refunded)
            {
                var amount = random.NextDouble() < 0.6 ? purchase.Amount : Math.Max(0.01m, Math.Round(purchase.Amount * (decimal)(0.2 + (0.6 * random.NextDouble())), 2));
                refunds.Add(new GeneratedRefund(i, refunded, amount));
            }

            if (random.NextDouble() < CaseShare && After(purchase.At, Duration.FromHours(Exponential.Sample(random, 1.0 / 96)), end) is { } opened)
            {
                var supportCase = Case(random, DemoPrograms.Calendar, purchase.Customer, opened, end);
                cases.Add(supportCase);
                var resolved = supportCase.Steps.LastOrDefault(s => s.Kind == CaseStepKind.Resolve);
                if (resolved.Kind == CaseStepKind.Resolve && random.NextDouble() < CaseSurveyShare && After(resolved.At, Hours(random, 2, 48), end) is { } answered)
                {
                    feedback.Add(new GeneratedFeedback(purchase.Customer, answered, CaseScore(random, supportCase), supportCase));
                }
            }

            if (random.NextDouble() < SurveyShare && After(purchase.At, Hours(random, 3 * 24, 10 * 24), end) is { } surveyed)
            {
                var t = (surveyed - start).TotalTicks / (end - start).TotalTicks;
                feedback.Add(new GeneratedFeedback(purchase.Customer, surveyed, Score(random, 0.20 + (0.40 * t), 0.50 - (0.40 * t)), null));
            }
        }

        touches.Sort((x, y) => x.At.CompareTo(y.At));
        cases.Sort((x, y) => x.OpenedAt.CompareTo(y.OpenedAt));
        feedback.Sort((x, y) => x.At.CompareTo(y.At));
        refunds.Sort((x, y) => x.At.CompareTo(y.At));
        return new CustomerActivity(touches, cases, feedback, refunds, members, redemptions);
    }

    private static GeneratedCase Case(Random random, BusinessCalendar calendar, int customer, Instant opened, Instant end)
    {
        var priority = random.NextDouble() switch
        {
            < 0.20 => CasePriority.Low,
            < 0.70 => CasePriority.Normal,
            < 0.92 => CasePriority.High,
            _ => CasePriority.Urgent,
        };

        // The team works in business hours: its answers and resolutions come a log-normal business time after the step
        // before (medians well inside the SLA targets of DemoPrograms.Sla, so about one case in eight misses its
        // first-response target); the customer's own steps come at any hour.
        var (responseMedian, resolutionMedian) = priority switch
        {
            CasePriority.Urgent => (0.4, 3.0),
            CasePriority.High => (0.9, 6.0),
            CasePriority.Normal => (1.8, 10.0),
            _ => (3.5, 16.0),
        };

        var steps = new List<(Instant, CaseStepKind)>();
        var at = Team(opened, responseMedian);
        if (!Add(CaseStepKind.Respond))
        {
            return Done();
        }

        if (random.NextDouble() < FirstContactShare)
        {
            at = calendar.AddBusinessTime(at, Duration.FromMinutes(5 + random.Next(55)));
            Add(CaseStepKind.Resolve);
        }
        else
        {
            var more = 1 + random.Next(2);
            for (var k = 0; k < more; k++)
            {
                at += LogNormalHours(random, 10);
                if (!Add(CaseStepKind.CustomerContact))
                {
                    return Done();
                }
            }

            if (random.NextDouble() < 0.3)
            {
                at = calendar.AddBusinessTime(at, Duration.FromMinutes(30 + random.Next(90)));
                if (!Add(CaseStepKind.Pending))
                {
                    return Done();
                }

                at += Hours(random, 12, 72);
                if (!Add(CaseStepKind.CustomerReplied))
                {
                    return Done();
                }
            }

            at = Team(at, resolutionMedian);
            if (!Add(CaseStepKind.Resolve))
            {
                return Done();
            }
        }

        if (random.NextDouble() < ReopenShare)
        {
            at += Hours(random, 24, 6 * 24);
            if (Add(CaseStepKind.Reopen))
            {
                at = Team(at, resolutionMedian / 2);
                Add(CaseStepKind.Resolve);
            }
        }

        return Done();

        bool Add(CaseStepKind kind)
        {
            if (at > end)
            {
                return false;
            }

            steps.Add((at, kind));
            return true;
        }

        Instant Team(Instant from, double medianBusinessHours) => calendar.AddBusinessTime(from, Duration.FromSeconds((long)(LogNormal.Sample(random, Math.Log(medianBusinessHours), 0.7) * 3600)));

        GeneratedCase Done() => new(customer, opened, priority, Categories[random.Next(Categories.Length)], CaseChannels[random.Next(CaseChannels.Length)], steps);
    }

    // After a case: a quick first-contact resolution pleases, a reopened or drawn-out case does not.
    private static int CaseScore(Random random, GeneratedCase supportCase)
    {
        var smooth = supportCase.Steps.All(s => s.Kind is CaseStepKind.Respond or CaseStepKind.Resolve) && supportCase.Steps.Count <= 2;
        return smooth ? Score(random, 0.5, 0.2) : Score(random, 0.2, 0.55);
    }

    private static int Score(Random random, double promoter, double detractor)
    {
        var u = random.NextDouble();
        return u < promoter ? 9 + random.Next(2)
            : u < promoter + detractor ? Math.Max(0, 6 - (int)Math.Floor(Exponential.Sample(random, 0.6)))
            : 7 + random.Next(2);
    }

    private static Instant? After(Instant from, Duration wait, Instant end) => from + wait is var at && at <= end ? at : null;

    private static Duration Hours(Random random, double min, double max) => Duration.FromSeconds((long)((min + ((max - min) * random.NextDouble())) * 3600));

    private static Duration LogNormalHours(Random random, double median) => Duration.FromSeconds((long)(LogNormal.Sample(random, Math.Log(median), 1.0) * 3600));
}
