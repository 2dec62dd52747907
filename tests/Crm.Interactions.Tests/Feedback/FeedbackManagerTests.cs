using Crm.Interactions.Events;
using Crm.Interactions.Feedback;
using Crm.Interactions.Tests.TestSupport;
using Crm.Storage;
using NodaTime;

namespace Crm.Interactions.Tests.Feedback;

public sealed class FeedbackManagerTests
{
    private readonly ContactId _contact = ContactId.New();

    private static FeedbackDraft Nps(ContactId contact, int score, string? key = null) => new() { ContactId = contact, Survey = FeedbackSurvey.Nps, Score = score, Comment = "Slow delivery", IdempotencyKey = key };

    [Theory]
    [InlineData(FeedbackSurvey.Nps, 11)]
    [InlineData(FeedbackSurvey.Nps, -1)]
    [InlineData(FeedbackSurvey.Csat, 0)]
    [InlineData(FeedbackSurvey.Csat, 6)]
    [InlineData(FeedbackSurvey.Ces, 0)]
    [InlineData(FeedbackSurvey.Ces, 8)]
    public async Task RecordAsync_ScoreOffTheScale_IsRejectedAndChangesNothing(FeedbackSurvey survey, int score)
    {
        var h = new Harness();

        var act = () => h.Feedback.RecordAsync(Harness.Tenant, new FeedbackDraft { ContactId = _contact, Survey = survey, Score = score });

        await act.Should().ThrowAsync<ArgumentOutOfRangeException>().WithParameterName("draft.Score");
        h.Store.Outbox.Snapshot().Should().BeEmpty();
    }

    [Theory]
    [InlineData(FeedbackSurvey.Nps, 0)]
    [InlineData(FeedbackSurvey.Nps, 10)]
    [InlineData(FeedbackSurvey.Csat, 1)]
    [InlineData(FeedbackSurvey.Csat, 5)]
    [InlineData(FeedbackSurvey.Ces, 1)]
    [InlineData(FeedbackSurvey.Ces, 7)]
    public async Task RecordAsync_ScoreAtTheEndsOfTheScale_IsRecorded(FeedbackSurvey survey, int score)
    {
        var h = new Harness();

        var response = await h.Feedback.RecordAsync(Harness.Tenant, new FeedbackDraft { ContactId = _contact, Survey = survey, Score = score });

        response.Score.Should().Be(score);
    }

    [Fact]
    public async Task RecordAsync_KeepsEveryResponseAsATimeSeries()
    {
        var h = new Harness();
        var t0 = h.Now - Duration.FromDays(90);
        foreach (var (days, score) in new[] { (0, 9), (30, 7), (60, 3) })
        {
            await h.Feedback.RecordAsync(Harness.Tenant, Nps(_contact, score) with { RespondedAt = t0 + Duration.FromDays(days) });
        }

        var series = await h.Feedback.ListAsync(Harness.Tenant, _contact, PageRequest.First(2));
        var rest = await h.Feedback.ListAsync(Harness.Tenant, _contact, PageRequest.After(series.NextCursor!, 2));

        series.Items.Concat(rest.Items).Select(static r => r.Score).Should().Equal(3, 7, 9);
        (await h.Interactions.GetTimelineAsync(Harness.Tenant, _contact)).Items.Should().HaveCount(3).And.OnlyContain(static i => i.Kind == InteractionKind.Feedback && i.Links.Feedback != null);
    }

    [Theory]
    [InlineData(6, true)]
    [InlineData(7, false)]
    [InlineData(0, true)]
    public async Task RecordAsync_NpsAtOrBelowTheThreshold_RaisesADetractorAlert(int score, bool alert)
    {
        var h = new Harness();

        var response = await h.Feedback.RecordAsync(Harness.Tenant, Nps(_contact, score));

        h.Events<FeedbackRecorded>().Should().ContainSingle(e => e.FeedbackId == response.Id && e.Score == score);
        h.Events<DetractorAlert>().Should().HaveCount(alert ? 1 : 0);
    }

    [Fact]
    public async Task RecordAsync_ThresholdIsConfigurable_AndOnlyNpsAlerts()
    {
        var h = new Harness(o => o.Feedback.DetractorThreshold = 4);

        await h.Feedback.RecordAsync(Harness.Tenant, Nps(_contact, 5));
        await h.Feedback.RecordAsync(Harness.Tenant, new FeedbackDraft { ContactId = _contact, Survey = FeedbackSurvey.Csat, Score = 1 });
        await h.Feedback.RecordAsync(Harness.Tenant, Nps(_contact, 4));

        h.Events<DetractorAlert>().Should().ContainSingle().Which.Should().Match<DetractorAlert>(a => a.Score == 4 && a.Threshold == 4);
    }

    [Fact]
    public async Task RecordAsync_RedeliveredSurveyWebhook_RecordsOnce()
    {
        var h = new Harness();

        var first = await h.Feedback.RecordAsync(Harness.Tenant, Nps(_contact, 2, key: "survey-9"));
        var again = await h.Feedback.RecordAsync(Harness.Tenant, Nps(_contact, 2, key: "survey-9"));

        again.Id.Should().Be(first.Id);
        h.Events<DetractorAlert>().Should().ContainSingle();
    }
}
