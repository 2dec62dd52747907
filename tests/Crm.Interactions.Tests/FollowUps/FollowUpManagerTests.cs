using Crm.Interactions.Events;
using Crm.Interactions.FollowUps;
using Crm.Interactions.Support;
using Crm.Interactions.Tests.TestSupport;
using Microsoft.Extensions.Logging.Testing;
using NodaTime;
using NodaTime.Testing;

namespace Crm.Interactions.Tests.FollowUps;

public sealed class FollowUpManagerTests
{
    private static readonly TenantId Tenant = Harness.Tenant;
    private static readonly TeamMemberId Agent = new("agent-1");
    private static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];

    private readonly Harness _h;
    private readonly FakeLogger<FollowUpManager> _log = new();
    private readonly FollowUpManager _followUps;

    public FollowUpManagerTests()
    {
        // Friday 2025-03-28 10:00 in Berlin; Monday 31 March is a holiday; summer time starts on Sunday 30 March.
        _h = new Harness(
            o =>
            {
                o.Support.SlaPolicy = new SlaPolicy(
                    new BusinessCalendar(Berlin, BusinessHours.Weekdays(new LocalTime(9, 0), new LocalTime(17, 0)), [new LocalDate(2025, 3, 31)]),
                    new Dictionary<CasePriority, SlaTargets>());
                o.FollowUps.ChainRules.Add(new FollowUpChainRule { Outcome = FollowUpOutcome.NoAnswer, Mode = FollowUpChainMode.Create, BusinessDays = 2, MaxAttempts = 3 });
                o.FollowUps.ChainRules.Add(new FollowUpChainRule { Outcome = FollowUpOutcome.ReferralAsked, Delay = Duration.FromDays(7), Reason = "Ask how the referral went" });
            },
            new FakeClock(new LocalDateTime(2025, 3, 28, 10, 0).InZoneStrictly(Berlin).ToInstant()));
        var options = Microsoft.Extensions.Options.Options.Create(_h.Options);
        _followUps = new FollowUpManager(_h.Store, new OptionsSlaPolicyProvider(options), _h.Clock, _h.EventIds, _log, options);
    }

    [Fact]
    public async Task Create_WhenDueBeforeTheCreationInstant_ThrowsNamingTheFieldAndWritesNothing()
    {
        var contact = ContactId.New();

        var act = () => _followUps.CreateAsync(Tenant, Draft(contact, _h.Now - Duration.FromMinutes(1)));

        (await act.Should().ThrowAsync<InvalidFollowUpException>()).Which.Field.Should().Be("draft.DueAt");
        (await _followUps.ListByContactAsync(Tenant, contact)).Items.Should().BeEmpty();
        _h.Events<FollowUpCreated>().Should().BeEmpty();
    }

    [Fact]
    public async Task Create_WithACaseOfAnotherContact_ThrowsRecordNotFound()
    {
        var opened = await _h.Cases.OpenAsync(Tenant, new CaseDraft { ContactId = ContactId.New() });

        var act = () => _followUps.CreateAsync(Tenant, Draft(ContactId.New(), _h.Now + Duration.FromHours(1)) with { Case = opened.Id });

        await act.Should().ThrowAsync<RecordNotFoundException>();
    }

    [Fact]
    public async Task Create_WithoutAssigneeOrReason_ThrowsArgumentException()
    {
        var noAssignee = () => _followUps.CreateAsync(Tenant, Draft(ContactId.New(), _h.Now + Duration.FromHours(1)) with { Assignee = default });
        var noReason = () => _followUps.CreateAsync(Tenant, Draft(ContactId.New(), _h.Now + Duration.FromHours(1)) with { Reason = " " });

        await noAssignee.Should().ThrowAsync<ArgumentException>().WithMessage("*Assignee*");
        await noReason.Should().ThrowAsync<ArgumentException>().WithMessage("*Reason*");
    }

    [Fact]
    public async Task Complete_AnUnknownFollowUp_ThrowsRecordNotFound()
    {
        var act = () => _followUps.CompleteAsync(Tenant, FollowUpId.New(), new FollowUpCompletion { Outcome = FollowUpOutcome.Reached });

        (await act.Should().ThrowAsync<RecordNotFoundException>()).Which.Entity.Should().Be("follow-up");
    }

    [Fact]
    public async Task Complete_AClosedFollowUp_ThrowsFollowUpClosedAndWritesNothing()
    {
        var created = await _followUps.CreateAsync(Tenant, Draft(ContactId.New(), _h.Now + Duration.FromHours(1)));
        await _followUps.CancelAsync(Tenant, created.Id);

        var act = () => _followUps.CompleteAsync(Tenant, created.Id, new FollowUpCompletion { Outcome = FollowUpOutcome.Reached });

        (await act.Should().ThrowAsync<FollowUpClosedException>()).Which.Status.Should().Be(FollowUpStatus.Cancelled);
        (await _h.Interactions.GetTimelineAsync(Tenant, created.ContactId)).Items.Should().BeEmpty();
        _h.Events<FollowUpCompleted>().Should().BeEmpty();
    }

    [Fact]
    public async Task Complete_InTheFutureOrBeforeCreation_ThrowsNamingTheField()
    {
        var created = await _followUps.CreateAsync(Tenant, Draft(ContactId.New(), _h.Now + Duration.FromHours(1)));

        var future = () => _followUps.CompleteAsync(Tenant, created.Id, new FollowUpCompletion { Outcome = FollowUpOutcome.Reached, CompletedAt = _h.Now + Duration.FromHours(1) });
        var early = () => _followUps.CompleteAsync(Tenant, created.Id, new FollowUpCompletion { Outcome = FollowUpOutcome.Reached, CompletedAt = created.CreatedAt - Duration.FromHours(1) });

        (await future.Should().ThrowAsync<InvalidFollowUpException>()).Which.Field.Should().Be("completion.CompletedAt");
        await early.Should().ThrowAsync<InvalidFollowUpException>();
        (await _followUps.FindAsync(Tenant, created.Id))!.Status.Should().Be(FollowUpStatus.Open);
    }

    [Fact]
    public async Task NoAnswer_OnAFriday_RetriesTwoBusinessDaysLater_SkippingTheWeekendAndTheHoliday()
    {
        var created = await _followUps.CreateAsync(Tenant, Draft(ContactId.New(), _h.Now + Duration.FromHours(1)));
        var completedAt = new LocalDateTime(2025, 3, 28, 11, 0).InZoneStrictly(Berlin).ToInstant();
        _h.Clock.Advance(Duration.FromHours(3));

        var result = await _followUps.CompleteAsync(Tenant, created.Id, new FollowUpCompletion { Outcome = FollowUpOutcome.NoAnswer, CompletedAt = completedAt });

        // Sat, Sun, Mon (holiday) skipped: Tuesday and Wednesday are the two business days; 11:00 local, now in summer time.
        result.Next!.DueAt.Should().Be(new LocalDateTime(2025, 4, 2, 11, 0).InZoneStrictly(Berlin).ToInstant());
        result.Next.Reason.Should().Contain("NoAnswer");
        _h.Events<FollowUpCreated>().Select(static e => e.FollowUpId).Should().Equal(created.Id, result.Next.Id);
        _h.Events<FollowUpCompleted>().Should().ContainSingle().Which.NextId.Should().Be(result.Next.Id);
    }

    [Fact]
    public async Task SuggestNext_ComputesTheRulesProposal_AndWritesNothing()
    {
        var created = await _followUps.CreateAsync(Tenant, Draft(ContactId.New(), _h.Now + Duration.FromHours(1)));
        var outbox = _h.Store.Outbox.Snapshot().Count;
        var at = _h.Now;

        var suggestion = await _followUps.SuggestNextAsync(Tenant, created.Id, FollowUpOutcome.ReferralAsked, at);
        var none = await _followUps.SuggestNextAsync(Tenant, created.Id, FollowUpOutcome.Declined, at);

        suggestion!.DueAt.Should().Be(at + Duration.FromDays(7));
        suggestion.Mode.Should().Be(FollowUpChainMode.Suggest);
        suggestion.Attempt.Should().Be(2);
        suggestion.Reason.Should().Be("Ask how the referral went");
        none.Should().BeNull();
        (await _followUps.FindAsync(Tenant, created.Id))!.Should().BeEquivalentTo(created);
        _h.Store.Outbox.Snapshot().Should().HaveCount(outbox);
    }

    [Fact]
    public async Task A_suggest_rule_returns_the_suggestion_but_creates_nothing()
    {
        var created = await _followUps.CreateAsync(Tenant, Draft(ContactId.New(), _h.Now + Duration.FromHours(1)));

        var result = await _followUps.CompleteAsync(Tenant, created.Id, new FollowUpCompletion { Outcome = FollowUpOutcome.ReferralAsked });

        result.Next.Should().BeNull();
        result.Suggestion!.Mode.Should().Be(FollowUpChainMode.Suggest);
        (await _followUps.ListByContactAsync(Tenant, created.ContactId)).Items.Should().ContainSingle();
    }

    [Fact]
    public async Task ApplyChaining_false_only_suggests_the_next_follow_up()
    {
        var created = await _followUps.CreateAsync(Tenant, Draft(ContactId.New(), _h.Now + Duration.FromHours(1)));

        var result = await _followUps.CompleteAsync(Tenant, created.Id, new FollowUpCompletion { Outcome = FollowUpOutcome.NoAnswer, ApplyChaining = false });

        result.Next.Should().BeNull();
        result.Suggestion.Should().NotBeNull();
        result.Completed.NextId.Should().BeNull();
    }

    [Fact]
    public async Task A_key_used_by_another_command_is_refused()
    {
        var contact = ContactId.New();
        await _h.Interactions.RecordAsync(Tenant, Harness.Call(contact, key: "shared-key"));
        var created = await _followUps.CreateAsync(Tenant, Draft(contact, _h.Now + Duration.FromHours(1)));

        var act = () => _followUps.CompleteAsync(Tenant, created.Id, new FollowUpCompletion { Outcome = FollowUpOutcome.Reached, IdempotencyKey = "shared-key" });

        await act.Should().ThrowAsync<InvalidOperationException>();
        (await _followUps.FindAsync(Tenant, created.Id))!.Status.Should().Be(FollowUpStatus.Open);
    }

    [Fact]
    public async Task Overdue_and_upcoming_use_now_by_default_and_refuse_an_empty_window()
    {
        var created = await _followUps.CreateAsync(Tenant, Draft(ContactId.New(), _h.Now + Duration.FromHours(1)));

        (await _followUps.ListOverdueAsync(Tenant, Agent)).Items.Should().BeEmpty();
        (await _followUps.ListUpcomingAsync(Tenant, Agent, Duration.FromDays(1))).Items.Should().ContainSingle().Which.Id.Should().Be(created.Id);
        (await _followUps.ListOverdueAsync(Tenant, Agent, _h.Now + Duration.FromDays(1))).Items.Should().ContainSingle();
        var empty = () => _followUps.ListUpcomingAsync(Tenant, Agent, Duration.Zero);
        await empty.Should().ThrowAsync<ArgumentOutOfRangeException>();
    }

    [Fact]
    public async Task Logs_carry_ids_and_outcomes_but_never_the_reason_or_note()
    {
        var created = await _followUps.CreateAsync(Tenant, Draft(ContactId.New(), _h.Now + Duration.FromHours(1)) with { Reason = "Call Jane Doe about her divorce" });
        await _followUps.CompleteAsync(Tenant, created.Id, new FollowUpCompletion { Outcome = FollowUpOutcome.Reached, Note = "Jane Doe sounded upset" });

        var messages = _log.Collector.GetSnapshot();
        messages.Should().HaveCount(2);
        messages.Should().OnlyContain(static r => !r.Message.Contains("Jane", StringComparison.Ordinal) && !r.Message.Contains("divorce", StringComparison.Ordinal));
        messages[1].Id.Id.Should().Be(InteractionsEventIds.FollowUpCompleted);
    }

    private static FollowUpDraft Draft(ContactId contact, Instant due) => new() { ContactId = contact, Assignee = Agent, Reason = "Renewal call", DueAt = due };
}
