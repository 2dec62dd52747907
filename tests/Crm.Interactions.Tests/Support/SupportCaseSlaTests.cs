using Crm.Interactions.Events;
using Crm.Interactions.Support;
using Crm.Interactions.Tests.TestSupport;
using NodaTime;
using NodaTime.Testing;

namespace Crm.Interactions.Tests.Support;

public sealed class SupportCaseSlaTests
{
    private static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];
    private readonly Harness _h;
    private readonly ContactId _contact = ContactId.New();

    public SupportCaseSlaTests()
    {
        var calendar = new BusinessCalendar(Berlin, BusinessHours.Weekdays(new LocalTime(9, 0), new LocalTime(17, 0)));
        var policy = new SlaPolicy(calendar, new Dictionary<CasePriority, SlaTargets>
        {
            [CasePriority.Normal] = new(Duration.FromHours(4), Duration.FromHours(16)),
        });
        _h = new Harness(o => o.Support.SlaPolicy = policy, new FakeClock(Local(2025, 2, 1, 12)));
    }

    private static Instant Local(int year, int month, int day, int hour, int minute = 0)
        => new LocalDateTime(year, month, day, hour, minute).InZoneStrictly(Berlin).ToInstant();

    private Task<SupportCase> OpenMondayMorningAsync(CasePriority priority = CasePriority.Normal)
        => _h.Cases.OpenAsync(Harness.Tenant, new CaseDraft { ContactId = _contact, Priority = priority, OpenedAt = Local(2025, 1, 6, 9) });

    [Fact]
    public async Task Timers_OnOpening_AreDueInBusinessHours()
    {
        var opened = await OpenMondayMorningAsync();

        var sla = await _h.Cases.GetSlaAsync(Harness.Tenant, opened.Id, Local(2025, 1, 6, 9, 30));

        sla!.FirstResponse.DueAt.Should().Be(Local(2025, 1, 6, 13));
        sla.Resolution.DueAt.Should().Be(Local(2025, 1, 7, 17));
        sla.Resolution.Elapsed.Should().Be(Duration.FromMinutes(30));
    }

    [Fact]
    public async Task PendingOnTheCustomer_PausesTheClock_AndMovesTheDueTime()
    {
        var opened = await OpenMondayMorningAsync();
        await _h.Cases.RespondAsync(Harness.Tenant, opened.Id, respondedAt: Local(2025, 1, 6, 10));
        await _h.Cases.ChangeStatusAsync(Harness.Tenant, opened.Id, CaseStatus.Pending, Local(2025, 1, 6, 11));

        var whilePending = await _h.Cases.GetSlaAsync(Harness.Tenant, opened.Id, Local(2025, 1, 7, 14));
        await _h.Cases.ChangeStatusAsync(Harness.Tenant, opened.Id, CaseStatus.Open, Local(2025, 1, 7, 15));
        var resumed = await _h.Cases.GetSlaAsync(Harness.Tenant, opened.Id, Local(2025, 1, 7, 16));

        whilePending!.Resolution.IsPaused.Should().BeTrue();
        whilePending.Resolution.DueAt.Should().BeNull("the due time is unknown until the customer answers");
        whilePending.Resolution.Elapsed.Should().Be(Duration.FromHours(2), "Monday 09:00-11:00 only; the day on hold does not count");
        whilePending.FirstResponse.MetAt.Should().Be(Local(2025, 1, 6, 10));
        whilePending.FirstResponse.IsBreached.Should().BeFalse();
        resumed!.Resolution.DueAt.Should().Be(Local(2025, 1, 9, 13), "14 hours left from Tuesday 15:00: 2 on Tuesday, 8 on Wednesday, 4 on Thursday");
        resumed.Resolution.Elapsed.Should().Be(Duration.FromHours(3));
    }

    [Fact]
    public async Task CheckSlaAsync_RaisesEachBreachOnce_WithHowMuchItWasMissedBy()
    {
        var opened = await OpenMondayMorningAsync();
        await _h.Cases.RespondAsync(Harness.Tenant, opened.Id, respondedAt: Local(2025, 1, 6, 14)); // 5 h: 1 h late
        await _h.Cases.ChangeStatusAsync(Harness.Tenant, opened.Id, CaseStatus.Resolved, Local(2025, 1, 7, 16)); // 15 h: on time

        var first = await _h.Cases.CheckSlaAsync(Harness.Tenant, Local(2025, 1, 20, 9));
        var second = await _h.Cases.CheckSlaAsync(Harness.Tenant, Local(2025, 1, 21, 9));

        first.Should().Be(1);
        second.Should().Be(0);
        var breach = _h.Events<SlaBreached>().Should().ContainSingle().Subject;
        breach.Timer.Should().Be(SlaTimerKind.FirstResponse);
        breach.MissedBy.Should().Be(Duration.FromHours(1));
        breach.DueAt.Should().Be(Local(2025, 1, 6, 13));
        (await _h.Cases.FindAsync(Harness.Tenant, opened.Id))!.AwaitsSlaCheck.Should().BeFalse("both timers are decided");
    }

    [Fact]
    public async Task CheckSlaAsync_RunningCasePastItsTarget_IsBreachedBeforeItIsResolved()
    {
        var opened = await OpenMondayMorningAsync();

        var beforeDue = await _h.Cases.CheckSlaAsync(Harness.Tenant, Local(2025, 1, 6, 12));
        var afterFirstResponseDue = await _h.Cases.CheckSlaAsync(Harness.Tenant, Local(2025, 1, 6, 14));
        var afterResolutionDue = await _h.Cases.CheckSlaAsync(Harness.Tenant, Local(2025, 1, 8, 10));
        await _h.Cases.ChangeStatusAsync(Harness.Tenant, opened.Id, CaseStatus.Resolved, Local(2025, 1, 9, 9));
        var afterResolution = await _h.Cases.CheckSlaAsync(Harness.Tenant, Local(2025, 1, 10, 9));

        (beforeDue, afterFirstResponseDue, afterResolutionDue, afterResolution).Should().Be((0, 1, 1, 0));
        _h.Events<SlaBreached>().Select(static e => e.Timer).Should().Equal(SlaTimerKind.FirstResponse, SlaTimerKind.Resolution);
    }

    [Fact]
    public async Task GetSlaAsync_IsARead_AndRaisesNothing()
    {
        var opened = await OpenMondayMorningAsync();

        var sla = await _h.Cases.GetSlaAsync(Harness.Tenant, opened.Id, Local(2025, 1, 31, 9));

        sla!.FirstResponse.IsBreached.Should().BeTrue();
        _h.Events<SlaBreached>().Should().BeEmpty();
    }

    [Fact]
    public async Task CaseOfAPriorityWithoutTargets_HasNoSla()
    {
        var opened = await OpenMondayMorningAsync(CasePriority.Low);

        (await _h.Cases.GetSlaAsync(Harness.Tenant, opened.Id)).Should().BeNull();
        opened.AwaitsSlaCheck.Should().BeFalse();
    }
}
