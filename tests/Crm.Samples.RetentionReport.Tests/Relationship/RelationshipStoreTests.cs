using Crm.Interactions;
using Crm.Interactions.Support;
using Crm.Samples.RetentionReport.Analysis;
using Crm.Samples.RetentionReport.Generation;
using Crm.Samples.RetentionReport.Relationship;
using Crm.Samples.RetentionReport.Storage;
using Crm.Samples.RetentionReport.Tests.Support;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace Crm.Samples.RetentionReport.Tests.Relationship;

/// <summary>
/// A two-customer history recorded in a fresh SQLite file through the stores and managers the report uses, replayed in
/// time order, and read back; every figure is worked out by hand below.
/// </summary>
/// <remarks>
/// <code>
/// Ann (0): 2024-06-01 60.00 (before the club: earns nothing) · 2025-01-10 120.50 → 120 points · 2025-02-01 250.00 → 250,
///          then redeems the dearest reward 370 points cover: voucher-20 (350), taken from the January lot (120) and then
///          the February lot (230 of 250) · 2025-09-01 80.00 → 80.
///          On 2025-12-31 the February lot (expired in August) still holds 20: expired. Outstanding 80.
///          Tier on 12 months' points earned: 450 → gold (400).
/// Bo (1):  2025-11-01 40.00 → 40, refunded in full on 2025-11-05 → clawback −40. Outstanding 0; earned net 0 → bronze.
/// Club: earned 490, redeemed 350, expired 20, reversed −40, outstanding 80, redemption rate 350 / 490.
/// Cases (business hours Mon–Fri 08–18 Berlin, UTC+1 in March):
///   Ann, urgent (first response target 1 h): opened Mon 03-03 09:00, answered 12:00 (3 h: breached), resolved 13:00 (4 h of 8)
///   Bo, normal: opened Tue 03-04 10:00, answered 11:00 (1 h), Bo calls at 15:00, resolved Wed 10:00 (8 + 2 = 10 h of 30)
///   → first response [3, 1] h, median 2 h; resolution [4, 10] h, median 7 h; first-contact resolution 1 of 2;
///     one breach (Ann's first response), raised once by the monthly CheckSlaAsync however often it runs.
/// NPS: Ann 10 (Q1), Bo 3 (Q2, a detractor: one alert), Ann 9 (Q2) → Q1 +100, Q2 0, overall (2 − 1) / 3.
/// </code>
/// </remarks>
public sealed class RelationshipStoreTests : IAsyncLifetime
{
    private static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];
    private static readonly Instant End = Instant.FromUtc(2026, 1, 1, 0, 0);
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("crm-report-relationship-");
    private RelationshipFigures _figures = null!;
    private string File => Path.Combine(_folder.FullName, "crm.db");

    private static Instant Berlin9(int day, int hour) => new LocalDateTime(2025, 3, day, hour, 0).InZoneStrictly(Berlin).ToInstant();

    public async Task InitializeAsync()
    {
        var customers = new[] { new GeneratedCustomer("Ann Lee", Instant.FromUtc(2024, 6, 1, 12, 0), null), new GeneratedCustomer("Bo Chen", Instant.FromUtc(2025, 11, 1, 12, 0), null) };
        var purchases = new[]
        {
            new GeneratedPurchase(0, Instant.FromUtc(2024, 6, 1, 12, 0), 60.00m),
            new GeneratedPurchase(0, Instant.FromUtc(2025, 1, 10, 12, 0), 120.50m),
            new GeneratedPurchase(0, Instant.FromUtc(2025, 2, 1, 12, 0), 250.00m),
            new GeneratedPurchase(0, Instant.FromUtc(2025, 9, 1, 12, 0), 80.00m),
            new GeneratedPurchase(1, Instant.FromUtc(2025, 11, 1, 12, 0), 40.00m),
        };
        var customerBase = new CustomerBase(customers, purchases, new LocalDate(2024, 1, 1), new LocalDate(2025, 12, 31));
        var urgent = new GeneratedCase(0, Berlin9(3, 9), CasePriority.Urgent, "billing", InteractionChannel.Email, [(Berlin9(3, 12), CaseStepKind.Respond), (Berlin9(3, 13), CaseStepKind.Resolve)]);
        var normal = new GeneratedCase(1, Berlin9(4, 10), CasePriority.Normal, "delivery", InteractionChannel.Phone,
            [(Berlin9(4, 11), CaseStepKind.Respond), (Berlin9(4, 15), CaseStepKind.CustomerContact), (Berlin9(5, 10), CaseStepKind.Resolve)]);
        var activity = new CustomerActivity(
            [new GeneratedTouch(0, Instant.FromUtc(2025, 1, 12, 9, 0), InteractionKind.Email, InteractionDirection.Outbound, InteractionChannel.Email)],
            [urgent, normal],
            [new GeneratedFeedback(0, Instant.FromUtc(2025, 3, 10, 12, 0), 10, urgent), new GeneratedFeedback(1, Instant.FromUtc(2025, 5, 1, 12, 0), 3, null), new GeneratedFeedback(0, Instant.FromUtc(2025, 6, 1, 12, 0), 9, null)],
            [new GeneratedRefund(4, Instant.FromUtc(2025, 11, 5, 12, 0), 40.00m)],
            [true, true],
            [2]);

        await using var contacts = await CustomerBaseStore.CreateAsync(File, CancellationToken.None);
        var ids = await contacts.StoreAsync(customers, new Progress<double>(), CancellationToken.None);
        await using var crm = RelationshipStore.Open(File, CustomerBaseStore.Tenant, Instant.FromUtc(2024, 1, 1, 0, 0));
        var purchaseIds = await crm.RecordPurchasesAsync(purchases, ids, new Progress<double>(), CancellationToken.None);
        await crm.RecordTouchesAsync(activity.Touches, ids, new Progress<double>(), CancellationToken.None);
        await crm.ReplayAsync(customerBase, activity, ids, purchaseIds, new Progress<double>(), CancellationToken.None);
        _figures = await crm.ReadFiguresAsync(End, DateTimeZone.Utc, CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public void The_club_earns_redeems_expires_and_claws_back_as_worked_out()
    {
        var club = _figures.Loyalty;

        club.Members.Should().Be(2);
        club.Earned.Should().Be(490);
        club.Redeemed.Should().Be(350);
        club.Expired.Should().Be(20);
        club.Reversed.Should().Be(-40);
        club.OutstandingPoints.Should().Be(80);
        club.RedemptionRate.Should().Be(350.0 / 490);
        club.Tiers.Should().Equal(new TierCount("bronze", 1), new TierCount("silver", 0), new TierCount("gold", 1));
    }

    [Fact]
    public void Service_figures_are_read_back_from_the_cases_the_manager_kept()
    {
        var service = _figures.Service;

        service.Metrics.Cases.Should().Be(2);
        service.FirstResponseBusiness.Median.Should().Be(Duration.FromHours(2));
        service.ResolutionBusiness.Median.Should().Be(Duration.FromHours(7));
        service.Metrics.FirstContactResolutionRate.Value.Should().Be(0.5);
        service.FirstResponseBreaches.Should().Be(1);
        service.ResolutionBreaches.Should().Be(0);
        _figures.SlaBreachEvents.Should().Be(1, "CheckSlaAsync ran every month but raises a breach once per case and timer");
    }

    [Fact]
    public void Nps_per_quarter_and_the_detractor_alert_come_from_the_stored_answers_and_events()
    {
        var nps = _figures.Nps;

        nps.Trend.Points.Select(p => p.Result.Score.Value).Should().Equal(100, 0);
        nps.Trend.Overall.Score.Value.Should().BeApproximately(100.0 / 3, 1e-9);
        nps.DetractorAlerts.Should().Be(1);
    }

    [Fact]
    public async Task Every_purchase_and_its_refund_is_on_the_timeline_and_every_case_has_a_tracking_code()
    {
        (await SqliteFile.ScalarAsync(File, "SELECT count(*) FROM crm_purchases")).Should().Be(5);
        (await SqliteFile.ScalarAsync(File, "SELECT count(*) FROM crm_interactions WHERE kind = 'Purchase'")).Should().Be(5);
        (await SqliteFile.ScalarAsync(File, "SELECT count(*) FROM crm_interactions WHERE kind = 'Refund'")).Should().Be(1);
        (await SqliteFile.ScalarAsync(File, "SELECT count(*) FROM crm_cases WHERE tracking_code LIKE 'Case-%'")).Should().Be(2);
    }
}
