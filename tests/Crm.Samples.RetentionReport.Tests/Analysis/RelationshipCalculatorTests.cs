using Crm.Interactions;
using Crm.Interactions.Feedback;
using Crm.Interactions.Support;
using Crm.Loyalty.Statements;
using Crm.Loyalty.Tiers;
using Crm.Samples.RetentionReport.Analysis;
using Crm.Storage;
using NodaTime;

namespace Crm.Samples.RetentionReport.Tests.Analysis;

/// <summary>
/// The report's NPS, service and loyalty figures on a handful of records whose figures are worked out by hand below.
/// </summary>
/// <remarks>
/// <code>
/// Calendar: Monday–Friday 08:00–18:00 Europe/Berlin (UTC+1 in March 2025), no holiday.
/// A  opened Mon 03-03 09:00, answered 10:00, resolved 11:00, one contact      → business FR 1 h, resolution 2 h; FCR
/// B  opened Fri 03-07 17:00, answered Mon 09:00 (Fri 17–18 + Mon 08–09 = 2 h), pending Mon 10:00,
///    open again Tue 10:00 (the clock paused), resolved Tue 12:00, two contacts
///                                   → business FR 2 h, resolution 1 + 2 (Mon 08–10) + 2 (Tue 10–12) = 5 h; not FCR
///    wall clock: FR 64 h (Fri 17:00 → Mon 09:00), resolution 91 h
/// C  opened Wed 03-05 12:00, never answered, still open                      → never answered
/// D  opened Wed 03-05 08:00, answered 09:00, resolved 10:00, reopened Thu 10:00 and open → business FR 1 h; reopened;
///    not resolved now, so no resolution time and not in the first-contact denominator
/// Business first response: [1, 2, 1] h → median 1 h; p90 (type 7): h = 2 × 0.9 + 1 = 2.8 → 1 + 0.8 × (2 − 1) = 1.8 h
/// Business resolution: [2, 5] h → median 3.5 h; p90: h = 1.9 → 2 + 0.9 × 3 = 4.7 h
/// Wall-clock first response: [1, 64, 1] h → median 1 h; resolution [2, 91] h → median 46.5 h
/// First-contact resolution: A of {A, B} = 0.5
/// </code>
/// </remarks>
public sealed class RelationshipCalculatorTests
{
    private static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];
    private static readonly BusinessCalendar Calendar = new(Berlin, BusinessHours.Weekdays(new LocalTime(8, 0), new LocalTime(18, 0)));
    private static readonly TenantId Tenant = new("report-tests");
    private static readonly ContactId Contact = ContactId.New();

    private static Instant At(int day, int hour) => new LocalDateTime(2025, 3, day, hour, 0).InZoneStrictly(Berlin).ToInstant();

    private static SupportCase Case(Instant? firstResponse, int contacts, SlaProgress progress, params (CaseStatus Status, Instant At)[] history)
        => new(Tenant, CaseId.New(), Contact, "Case-1", false, null, CasePriority.Normal, "billing", InteractionChannel.Email, null,
            history.Select(h => new CaseStatusChange(h.Status, h.At)), firstResponse, contacts, [], new SlaTargets(Duration.FromHours(4), Duration.FromHours(30)),
            progress, history[0].At, ConcurrencyStamp.New());

    private static IReadOnlyList<SupportCase> FourCases() =>
    [
        Case(At(3, 10), 1, SlaProgress.Decided, (CaseStatus.Open, At(3, 9)), (CaseStatus.Resolved, At(3, 11))),
        Case(At(10, 9), 2, SlaProgress.Decided | SlaProgress.ResolutionBreached,
            (CaseStatus.Open, At(7, 17)), (CaseStatus.Pending, At(10, 10)), (CaseStatus.Open, At(11, 10)), (CaseStatus.Resolved, At(11, 12))),
        Case(null, 1, SlaProgress.FirstResponseDecided | SlaProgress.FirstResponseBreached, (CaseStatus.Open, At(5, 12))),
        Case(At(5, 9), 1, SlaProgress.FirstResponseDecided, (CaseStatus.Open, At(5, 8)), (CaseStatus.Resolved, At(5, 10)), (CaseStatus.Open, At(6, 10))),
    ];

    private static readonly Instant AsOf = At(20, 12);

    [Fact]
    public void Business_hour_medians_and_90th_percentiles_follow_the_sla_clock_pausing_while_pending()
    {
        var service = RelationshipCalculator.Service(FourCases(), Calendar, AsOf);

        service.FirstResponseBusiness.Should().Be(new BusinessTimes(3, Duration.FromHours(1), Duration.FromMinutes(108)));
        service.ResolutionBusiness.Should().Be(new BusinessTimes(2, Duration.FromMinutes(210), Duration.FromMinutes(282)));
    }

    [Fact]
    public void Wall_clock_times_first_contact_resolution_and_counts_come_from_the_metrics_calculator()
    {
        var m = RelationshipCalculator.Service(FourCases(), Calendar, AsOf).Metrics;

        m.Cases.Should().Be(4);
        m.NeverAnswered.Should().Be(1);
        m.FirstResponseTime.Median.Should().Be(Duration.FromHours(1));
        m.ResolutionTime.Count.Should().Be(2, "the reopened case D is open again");
        m.ResolutionTime.Median.Should().Be(Duration.FromMinutes((46 * 60) + 30), "the median of 2 h and 91 h");
        m.ResolvedWithKnownContacts.Should().Be(2);
        m.ResolvedAtFirstContact.Should().Be(1);
        m.FirstContactResolutionRate.Value.Should().Be(0.5);
    }

    [Fact]
    public void Reopened_cases_and_the_breaches_check_sla_marked_are_counted()
    {
        var service = RelationshipCalculator.Service(FourCases(), Calendar, AsOf);

        service.Reopened.Should().Be(1);
        service.FirstResponseBreaches.Should().Be(1);
        service.ResolutionBreaches.Should().Be(1);
    }

    [Fact]
    public void Nps_per_quarter_counts_only_nps_answers_and_keeps_an_empty_quarter_as_a_gap()
    {
        FeedbackResponse Answer(FeedbackSurvey survey, int score, int month)
            => new(Tenant, FeedbackId.New(), Contact, survey, score, null, InteractionChannel.Email, Instant.FromUtc(2025, month, 15, 12, 0), null, Instant.FromUtc(2025, month, 15, 12, 0), ConcurrencyStamp.New());

        // Q1: 10, 9, 7, 3 → 2 promoters, 1 detractor of 4 → NPS 25; Q2 none; Q3: 0, 6 → −100; the CSAT 5 is not NPS.
        var trend = RelationshipCalculator.NpsByQuarter(
            [Answer(FeedbackSurvey.Nps, 10, 1), Answer(FeedbackSurvey.Nps, 9, 2), Answer(FeedbackSurvey.Nps, 7, 3), Answer(FeedbackSurvey.Nps, 3, 3),
             Answer(FeedbackSurvey.Csat, 5, 2), Answer(FeedbackSurvey.Nps, 0, 8), Answer(FeedbackSurvey.Nps, 6, 9)],
            DateTimeZone.Utc);

        trend.Points.Select(p => ReportCalculator.QuarterLabel(p.Period)).Should().Equal("2025-Q1", "2025-Q2", "2025-Q3");
        trend.Points[0].Result.Score.Value.Should().Be(25);
        trend.Points[1].Result.Score.IsDefined.Should().BeFalse();
        trend.Points[2].Result.Score.Value.Should().Be(-100);
        trend.Overall.Responses.Should().Be(6);
        trend.Overall.Detractors.Should().Be(3);
        trend.Overall.Score.Value.Should().Be(100.0 * (2 - 3) / 6);
    }

    [Fact]
    public void The_club_sums_statements_counts_every_tier_and_rates_redemptions_on_points_earned()
    {
        LoyaltyTier bronze = new("bronze", 0m), silver = new("silver", 100m), gold = new("gold", 400m);
        (TierStatus, PointsStatement) Member(LoyaltyTier tier, long earned, long redeemed, long expired, long reversed, long expiring)
        {
            var id = ContactId.New();
            var status = new TierStatus { AsOf = AsOf, ContactId = id, Qualifying = earned, Tier = tier, WindowStart = AsOf - Duration.FromDays(365), WindowEnd = AsOf };
            var statement = new PointsStatement
            {
                ContactId = id, From = AsOf - Duration.FromDays(365), To = AsOf, Opening = 0, Earned = earned, Redeemed = -redeemed, Expired = -expired, Adjusted = 0, Reversed = reversed,
                Closing = earned - redeemed - expired + reversed, ExpiringNext = expiring,
            };
            return (status, statement);
        }

        var club = RelationshipCalculator.Loyalty([Member(bronze, 80, 0, 30, 0, 10), Member(silver, 250, 100, 0, -20, 5), Member(silver, 150, 100, 50, 0, 0)], [bronze, silver, gold]);

        club.Members.Should().Be(3);
        club.Tiers.Should().Equal(new TierCount("bronze", 1), new TierCount("silver", 2), new TierCount("gold", 0));
        club.Earned.Should().Be(480);
        club.Redeemed.Should().Be(200);
        club.Expired.Should().Be(80);
        club.Reversed.Should().Be(-20);
        club.OutstandingPoints.Should().Be(480 - 200 - 80 - 20);
        club.ExpiringNext30Days.Should().Be(15);
        club.RedemptionRate.Should().Be(200.0 / 480);
    }

    [Fact]
    public void A_club_without_earnings_has_no_redemption_rate()
        => RelationshipCalculator.Loyalty([], [new LoyaltyTier("bronze", 0m)]).RedemptionRate.Should().BeNull();
}
