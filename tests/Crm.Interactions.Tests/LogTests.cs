using Crm.Interactions.Feedback;
using Crm.Interactions.InMemory;
using Crm.Interactions.Support;
using Crm.Testing;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace Crm.Interactions.Tests;

public sealed class LogTests
{
    private const string Secret = "Ada Okafor, 12 Elm Street";

    [Fact]
    public async Task Logs_CarryIdsAndCodes_NeverSummariesSubjectsOrComments()
    {
        var store = new InMemoryInteractionStore();
        var clock = CrmTestClock.Create();
        var ids = new SequentialEventIdGenerator();
        var options = Options.Create(new InteractionOptions());
        var interactionLog = new FakeLogger<InteractionManager>();
        var caseLog = new FakeLogger<SupportCaseManager>();
        var feedbackLog = new FakeLogger<FeedbackManager>();
        var contact = ContactId.New();

        await new InteractionManager(store, clock, ids, interactionLog).RecordAsync(TestSupport.Harness.Tenant, TestSupport.Harness.Call(contact, summary: Secret));
        var opened = await new SupportCaseManager(store, new TrackingCodeGenerator(options), new OptionsSlaPolicyProvider(options), clock, ids, caseLog, options)
            .OpenAsync(TestSupport.Harness.Tenant, new CaseDraft { ContactId = contact, Subject = Secret });
        await new FeedbackManager(store, clock, ids, feedbackLog, options).RecordAsync(TestSupport.Harness.Tenant, new FeedbackDraft { ContactId = contact, Survey = FeedbackSurvey.Nps, Score = 1, Comment = Secret });

        var records = interactionLog.Collector.GetSnapshot().Concat(caseLog.Collector.GetSnapshot()).Concat(feedbackLog.Collector.GetSnapshot()).ToList();
        records.Should().Contain(r => r.Id.Id == InteractionsEventIds.CaseOpened && r.Message.Contains(opened.TrackingCode, StringComparison.Ordinal));
        records.Should().Contain(r => r.Id.Id == InteractionsEventIds.DetractorAlert);
        records.Should().NotContain(r => r.Message.Contains("Ada", StringComparison.Ordinal));
        records.SelectMany(static r => r.StructuredState ?? []).Should().NotContain(kv => kv.Value != null && kv.Value.Contains("Ada", StringComparison.Ordinal));
    }
}
