using Crm.Interactions.Automation;
using Crm.Interactions.Events;
using Crm.Interactions.FollowUps;
using Crm.Interactions.Support;
using Crm.Interactions.Templates;
using Crm.Interactions.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Crm.Interactions.Tests.Automation;

public sealed class CaseOpenedAutomationTests
{
    private static readonly TenantId Tenant = Harness.Tenant;
    private static readonly TeamMemberId[] Team = [new("a1"), new("a2")];

    [Fact]
    public async Task RoundRobin_HandsOutTurnsInOrder_PerTenantAndTeam()
    {
        var h = new Harness();
        var strategy = new RoundRobinAssignmentStrategy(h.Store);
        var request = new AssignmentRequest("support", Team, ContactId.New(), "test");

        var turns = new List<TeamMemberId>();
        for (var i = 0; i < 5; i++)
        {
            turns.Add(await strategy.AssignAsync(Tenant, request, CancellationToken.None));
        }

        turns.Should().Equal(Team[0], Team[1], Team[0], Team[1], Team[0]);
        (await strategy.AssignAsync(Harness.OtherTenant, request, CancellationToken.None)).Should().Be(Team[0]);
        (await strategy.AssignAsync(Tenant, new AssignmentRequest("sales", Team, ContactId.New(), "test"), CancellationToken.None)).Should().Be(Team[0]);
    }

    [Fact]
    public async Task A_strategy_choosing_someone_outside_the_team_opens_nothing()
    {
        var h = new Harness(Configure);
        var cases = Automated(h, new OutsiderStrategy());
        var contact = ContactId.New();

        var act = () => cases.OpenAndAcknowledgeAsync(Tenant, new CaseDraft { ContactId = contact, Priority = CasePriority.High });

        await act.Should().ThrowAsync<InvalidOperationException>();
        (await h.Cases.ListByContactAsync(Tenant, contact)).Items.Should().BeEmpty();
        h.Store.Outbox.Snapshot().Should().BeEmpty();
    }

    [Fact]
    public async Task An_imported_case_runs_no_automation()
    {
        var h = new Harness(Configure);
        var contact = ContactId.New();

        await Automated(h, new RoundRobinAssignmentStrategy(h.Store)).ImportAsync(Tenant, "LEGACY-1", new CaseDraft { ContactId = contact, Priority = CasePriority.High });

        h.Events<FollowUpCreated>().Should().BeEmpty();
        h.Events<AcknowledgementRendered>().Should().BeEmpty();
    }

    [Fact]
    public async Task Rules_match_by_category_and_channel_and_a_back_dated_case_gets_a_follow_up_due_no_earlier_than_now()
    {
        var h = new Harness(o =>
        {
            o.Automation.Teams["support"] = [.. Team];
            var rule = new CaseOpenedRule { Name = "billing-phone", Team = "support", FollowUpAfter = Duration.FromHours(1), FollowUpReason = "Check the invoice" };
            rule.Categories.Add("Billing");
            rule.Channels.Add(InteractionChannel.Phone);
            o.Automation.Rules.Add(rule);
        });
        var cases = Automated(h, new RoundRobinAssignmentStrategy(h.Store));
        h.Clock.Advance(Duration.FromDays(1));

        var matching = await cases.OpenAndAcknowledgeAsync(Tenant, new CaseDraft
        {
            ContactId = ContactId.New(), Category = "billing", Channel = InteractionChannel.Phone, OpenedAt = h.Now - Duration.FromHours(5),
        });
        var otherChannel = await cases.OpenAndAcknowledgeAsync(Tenant, new CaseDraft { ContactId = ContactId.New(), Category = "billing", Channel = InteractionChannel.Email });
        var noCategory = await cases.OpenAndAcknowledgeAsync(Tenant, new CaseDraft { ContactId = ContactId.New(), Channel = InteractionChannel.Phone });

        matching.FollowUps.Should().ContainSingle().Which.DueAt.Should().BeGreaterThanOrEqualTo(matching.Case.RecordedAt);
        otherChannel.FollowUps.Should().BeEmpty();
        noCategory.FollowUps.Should().BeEmpty();
        matching.Acknowledgement.Should().BeNull();
    }

    [Fact]
    public async Task The_acknowledgement_uses_the_tenants_links_and_html_encodes_values_but_never_reaches_the_log()
    {
        var log = new FakeLogger<SupportCaseManager>();
        var h = new Harness(o =>
        {
            o.Automation.HelpfulLinks["faq"] = "https://example.com/faq";
            o.Automation.TenantHelpfulLinks[Tenant.Value] = new Dictionary<string, string> { ["faq"] = "https://tenant-a.example.com/faq?x=1&y=2" };
            o.Automation.Acknowledgement = MessageTemplate.Parse("ack", MessageFormat.Html, "{{ case.tracking_code }}", "<p>Hi {{ contact.given_name }}: {{ links.faq }}{{ links.missing }}</p>");
        });
        var options = Options.Create(h.Options);
        var cases = new SupportCaseManager(h.Store, new TrackingCodeGenerator(options), new OptionsSlaPolicyProvider(options), h.Clock, h.EventIds, log, options,
            new CaseOpenedAutomation(new RoundRobinAssignmentStrategy(h.Store), options));

        var opening = await cases.OpenAndAcknowledgeAsync(Tenant, new CaseDraft { ContactId = ContactId.New(), Recipient = new TemplateContact(givenName: "<Jane>") });

        opening.Acknowledgement!.Body.Should().Be("<p>Hi &lt;Jane&gt;: https://tenant-a.example.com/faq?x=1&amp;y=2</p>");
        h.Events<AcknowledgementRendered>().Should().ContainSingle().Which.Body.Should().Be(opening.Acknowledgement.Body);
        log.Collector.GetSnapshot().Should().NotBeEmpty().And.OnlyContain(static r => !r.Message.Contains("Jane", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_NamesEachBrokenRuleAndItsField()
    {
        var options = new CaseAutomationOptions();
        options.Teams["bad team"] = [];
        options.Rules.Add(new CaseOpenedRule { Name = "", Team = "nobody", FollowUpAfter = Duration.Zero, FollowUpReason = "" });
        options.HelpfulLinks["Bad-Name"] = "ftp://example.com";

        var failures = options.Validate().ToList();

        failures.Should().Contain(f => f.StartsWith("CaseAutomationOptions.Teams: 'bad team'", StringComparison.Ordinal));
        failures.Should().Contain(f => f.StartsWith("CaseAutomationOptions.Teams['bad team'] must list", StringComparison.Ordinal));
        failures.Should().Contain(f => f.StartsWith("CaseAutomationOptions.Rules[0].Name", StringComparison.Ordinal));
        failures.Should().Contain(f => f.StartsWith("CaseAutomationOptions.Rules[0].Team", StringComparison.Ordinal));
        failures.Should().Contain(f => f.StartsWith("CaseAutomationOptions.Rules[0].FollowUpAfter", StringComparison.Ordinal));
        failures.Should().Contain(f => f.StartsWith("CaseAutomationOptions.Rules[0].FollowUpReason", StringComparison.Ordinal));
        failures.Should().Contain(f => f.Contains("link name 'Bad-Name'", StringComparison.Ordinal));
        failures.Should().Contain(f => f.StartsWith("CaseAutomationOptions.HelpfulLinks['Bad-Name'] must be an absolute http", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddInteractions_RunsTheConfiguredRulesThroughTheRegisteredStrategy()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddCrm().AddInteractions(Configure);
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        await using var scope = provider.CreateAsyncScope();

        var opening = await scope.ServiceProvider.GetRequiredService<SupportCaseManager>().OpenAndAcknowledgeAsync(Tenant, new CaseDraft { ContactId = ContactId.New(), Priority = CasePriority.High });

        opening.FollowUps.Should().ContainSingle().Which.Assignee.Should().Be(Team[0]);
        scope.ServiceProvider.GetRequiredService<IAssignmentStrategy>().Should().BeOfType<RoundRobinAssignmentStrategy>();
        scope.ServiceProvider.GetRequiredService<FollowUpManager>().Should().NotBeNull();
    }

    private static void Configure(InteractionOptions o)
    {
        o.Automation.Teams["support"] = [.. Team];
        var rule = new CaseOpenedRule { Name = "high", Team = "support", FollowUpAfter = Duration.FromHours(4), FollowUpReason = "Call back" };
        rule.Priorities.Add(CasePriority.High);
        o.Automation.Rules.Add(rule);
    }

    private static SupportCaseManager Automated(Harness h, IAssignmentStrategy strategy)
    {
        var options = Options.Create(h.Options);
        return new SupportCaseManager(h.Store, new TrackingCodeGenerator(options), new OptionsSlaPolicyProvider(options), h.Clock, h.EventIds,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<SupportCaseManager>.Instance, options, new CaseOpenedAutomation(strategy, options));
    }

    private sealed class OutsiderStrategy : IAssignmentStrategy
    {
        public ValueTask<TeamMemberId> AssignAsync(TenantId tenantId, AssignmentRequest request, CancellationToken cancellationToken) => ValueTask.FromResult(new TeamMemberId("outsider"));
    }
}
