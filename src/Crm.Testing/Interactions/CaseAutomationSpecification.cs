using Crm.Interactions;
using Crm.Interactions.Automation;
using Crm.Interactions.Events;
using Crm.Interactions.FollowUps;
using Crm.Interactions.Storage;
using Crm.Interactions.Support;
using Crm.Interactions.Templates;
using Crm.Outbox;
using Crm.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Crm.Testing.Interactions;

/// <summary>
/// The contract case-opened automation needs from a store: the rules' follow-ups, the acknowledgement's timeline entry and
/// events are written in the case's own change set, and round-robin assignment over the store's sequences stays fair
/// when cases are opened concurrently through separate manager instances (as two app instances would). Inherit it in the
/// store's test project and implement <see cref="InteractionSpecificationBase{TStore}.CreateStore"/>.
/// </summary>
/// <typeparam name="TStore">The store under test.</typeparam>
public abstract class CaseAutomationSpecification<TStore> : InteractionSpecificationBase<TStore>
    where TStore : class, IInteractionStore, IVersionCounterStore, ISequenceStore, IFollowUpStore
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly TeamMemberId[] Team = [new("agent-a"), new("agent-b"), new("agent-c")];

    /// <summary>How many cases the fairness test opens in parallel (a multiple of the team's 3 members).</summary>
    protected virtual int ParallelOpens => 60;

    /// <summary>A rule "high or urgent → follow up in 2 hours by the support team", and an acknowledgement with a helpful link.</summary>
    protected override InteractionOptions CreateOptions()
    {
        var options = base.CreateOptions();
        options.Automation.Teams["support"] = [.. Team];
        var rule = new CaseOpenedRule { Name = "urgent-callback", Team = "support", FollowUpAfter = Duration.FromHours(2), FollowUpReason = "Call the customer back" };
        rule.Priorities.Add(CasePriority.High);
        rule.Priorities.Add(CasePriority.Urgent);
        options.Automation.Rules.Add(rule);
        options.Automation.HelpfulLinks["help"] = "https://help.example.com/";
        options.Automation.Acknowledgement = MessageTemplate.Parse(
            "ack", MessageFormat.PlainText, "[{{ case.tracking_code }}] We have your request", "Dear {{ contact.given_name }}, see {{ links.help }}.",
            new Dictionary<string, string> { ["contact.given_name"] = "customer" });
        return options;
    }

    /// <summary>A <see cref="SupportCaseManager"/> with case-opened automation and round-robin assignment over <paramref name="store"/>.</summary>
    protected SupportCaseManager CreateAutomatedCaseManager(TStore store)
    {
        var options = Options.Create(CreateOptions());
        return new(store, new TrackingCodeGenerator(options), new OptionsSlaPolicyProvider(options), Clock, EventIds, NullLogger<SupportCaseManager>.Instance, options,
            new CaseOpenedAutomation(new RoundRobinAssignmentStrategy(store), options));
    }

    /// <summary>A matching case is stored with its follow-up, its acknowledgement entry and all events, in one change set.</summary>
    [Fact]
    public async Task Opening_a_matching_case_writes_the_follow_up_and_the_acknowledgement_with_it()
    {
        var store = CreateStore();
        var contact = ContactId.New();

        var opening = await CreateAutomatedCaseManager(store).OpenAndAcknowledgeAsync(TenantA, new CaseDraft
        {
            ContactId = contact, Priority = CasePriority.Urgent, Recipient = new TemplateContact(givenName: "Zoë"),
        }).ConfigureAwait(false);

        var followUp = opening.FollowUps.Should().ContainSingle().Subject;
        followUp.CaseId.Should().Be(opening.Case.Id);
        followUp.DueAt.Should().Be(opening.Case.OpenedAt + Duration.FromHours(2));
        Team.Should().Contain(followUp.Assignee);
        (await store.FindFollowUpAsync(TenantA, followUp.Id, None).ConfigureAwait(false)).Should().BeEquivalentTo(followUp);
        opening.Acknowledgement!.Body.Should().Be("Dear Zoë, see https://help.example.com/.");
        var timeline = await store.GetTimelineAsync(TenantA, contact, TimelineFilter.All, PageRequest.First(), None).ConfigureAwait(false);
        timeline.Items.Should().HaveCount(2).And.ContainSingle(i => i.Direction == InteractionDirection.Outbound && i.Links.Case == opening.Case.Id);
        if (store is IOutboxStore outbox)
        {
            var now = Clock.GetCurrentInstant();
            var events = (await outbox.ClaimAsync(100, now, now + Duration.FromMinutes(5), None).ConfigureAwait(false)).Select(static m => m.Event).ToList();
            events.OfType<AcknowledgementRendered>().Should().ContainSingle().Which.Subject.Should().Be($"[{opening.Case.TrackingCode}] We have your request");
            events.OfType<FollowUpCreated>().Should().ContainSingle().Which.FollowUpId.Should().Be(followUp.Id);
            events.OfType<CaseOpened>().Should().ContainSingle();
        }
    }

    /// <summary>A case no rule matches gets no follow-up, but still its acknowledgement.</summary>
    [Fact]
    public async Task A_case_no_rule_matches_gets_no_follow_up()
    {
        var store = CreateStore();

        var opening = await CreateAutomatedCaseManager(store).OpenAndAcknowledgeAsync(TenantA, new CaseDraft { ContactId = ContactId.New(), Priority = CasePriority.Low }).ConfigureAwait(false);

        opening.FollowUps.Should().BeEmpty();
        opening.Acknowledgement!.Body.Should().StartWith("Dear customer,");
        (await store.ListFollowUpsByContactAsync(TenantA, opening.Case.ContactId, PageRequest.First(), None).ConfigureAwait(false)).Items.Should().BeEmpty();
    }

    /// <summary>Cases opened in parallel through separate managers (as by several app instances) are assigned in strict rotation: each member gets the same number.</summary>
    [Fact]
    public async Task Round_robin_stays_fair_when_cases_are_opened_concurrently()
    {
        var store = CreateStore();

        var openings = await Task.WhenAll(Enumerable.Range(0, ParallelOpens).Select(_ => Task.Run(() =>
            CreateAutomatedCaseManager(store).OpenAndAcknowledgeAsync(TenantA, new CaseDraft { ContactId = ContactId.New(), Priority = CasePriority.High })))).ConfigureAwait(false);

        openings.SelectMany(static o => o.FollowUps).GroupBy(static f => f.Assignee).Select(static g => g.Count())
            .Should().HaveCount(Team.Length).And.OnlyContain(n => n == ParallelOpens / Team.Length);
        (await store.GetVersionAsync(TenantA, RoundRobinAssignmentStrategy.SequencePrefix + "support", None).ConfigureAwait(false)).Should().Be(ParallelOpens);
    }

    /// <summary>Repeating an open with its idempotency key creates no second follow-up and draws no second turn from the same write.</summary>
    [Fact]
    public async Task A_repeated_open_creates_its_follow_up_once()
    {
        var store = CreateStore();
        var manager = CreateAutomatedCaseManager(store);
        var draft = new CaseDraft { ContactId = ContactId.New(), Priority = CasePriority.High, IdempotencyKey = "spec-open-1" };

        var first = await manager.OpenAndAcknowledgeAsync(TenantA, draft).ConfigureAwait(false);
        var again = await manager.OpenAndAcknowledgeAsync(TenantA, draft).ConfigureAwait(false);

        again.IsReplay.Should().BeTrue();
        again.Case.Id.Should().Be(first.Case.Id);
        (await store.ListFollowUpsByContactAsync(TenantA, draft.ContactId, PageRequest.First(), None).ConfigureAwait(false)).Items.Should().ContainSingle();
    }
}
