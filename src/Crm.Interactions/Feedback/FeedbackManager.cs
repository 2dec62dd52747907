using Crm.Events;
using Crm.Interactions.Events;
using Crm.Interactions.Storage;
using Crm.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Crm.Interactions.Feedback;

/// <summary>Records NPS, CSAT and CES responses on the contact's profile as a time series, with a detractor alert for low NPS scores.</summary>
/// <remarks>
/// Every response is a new record and a timeline entry; none overwrites another. The change set carries
/// <see cref="FeedbackRecorded"/> and, for an NPS score at or below <see cref="FeedbackOptions.DetractorThreshold"/>,
/// <see cref="DetractorAlert"/>, so host handlers receive both through the outbox, at least once, and a throwing handler
/// never loses the response.
/// </remarks>
public sealed class FeedbackManager
{
    private readonly IInteractionStore _store;
    private readonly IClock _clock;
    private readonly ICrmEventIdGenerator _eventIds;
    private readonly ILogger<FeedbackManager> _logger;
    private readonly FeedbackOptions _options;

    /// <summary>Creates the manager.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public FeedbackManager(IInteractionStore store, IClock clock, ICrmEventIdGenerator eventIds, ILogger<FeedbackManager> logger, IOptions<InteractionOptions> options)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(eventIds);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _clock = clock;
        _eventIds = eventIds;
        _logger = logger;
        _options = options.Value.Feedback;
    }

    /// <summary>Records one response.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="draft"/> is null.</exception>
    /// <exception cref="ArgumentException">The tenant or contact is empty, or the comment or key breaks its rule.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The survey or channel is undefined, the score is off the survey's scale (an NPS of 11), or the instant is in the future.</exception>
    /// <exception cref="RecordNotFoundException">The linked case does not exist or belongs to another contact.</exception>
    public async Task<FeedbackResponse> RecordAsync(TenantId tenantId, FeedbackDraft draft, CancellationToken cancellationToken = default)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ArgumentNullException.ThrowIfNull(draft);
        ContactId.ThrowIfEmpty(draft.ContactId, "draft.ContactId");
        FeedbackScale.Check(draft.Survey, draft.Score, "draft.Score");
        EnumRules.Check(draft.Channel, "draft.Channel");
        var comment = TextRules.OptionalText(draft.Comment, "FeedbackDraft.Comment", nameof(draft));
        var key = TimelineEntries.CheckKey(draft.IdempotencyKey, "draft.IdempotencyKey");
        var response = await TimelineEntries.RecordAsync(
            _store,
            tenantId,
            key,
            _logger,
            async (replay, ct) => replay.Links.Feedback is { } id && StoreGuard.Checked(await _store.FindFeedbackAsync(tenantId, id, ct).ConfigureAwait(false), tenantId, static f => f.TenantId, "feedback response", _logger) is { } found
                ? found
                : throw new RecordNotFoundException("feedback response", replay.Links.Feedback?.ToString() ?? "(none)"),
            async ct =>
            {
                if (draft.Case is { } caseId
                    && (StoreGuard.Checked(await _store.FindCaseAsync(tenantId, caseId, ct).ConfigureAwait(false), tenantId, static c => c.TenantId, "case", _logger) is not { } linked
                        || linked.ContactId != draft.ContactId))
                {
                    throw new RecordNotFoundException("case", caseId.ToString());
                }

                var now = _clock.GetCurrentInstant();
                var at = TimelineEntries.NotFuture(draft.RespondedAt, now, "draft.RespondedAt");
                var created = new FeedbackResponse(tenantId, FeedbackId.New(), draft.ContactId, draft.Survey, draft.Score, comment, draft.Channel, at, draft.Case, now, ConcurrencyStamp.New());
                var entry = TimelineEntries.New(tenantId, draft.ContactId, InteractionKind.Feedback, draft.Channel, InteractionDirection.Inbound, at, null, null,
                    new InteractionLinks { Feedback = created.Id, Case = draft.Case }, now);
                var events = new List<CrmEvent>
                {
                    _eventIds.Identify(new FeedbackRecorded(tenantId, now, created.Id, created.ContactId, created.Survey, created.Score, created.CaseId, at)),
                    TimelineEntries.Event(_eventIds, entry, now),
                };
                if (IsDetractor(created))
                {
                    events.Add(_eventIds.Identify(new DetractorAlert(tenantId, now, created.Id, created.ContactId, created.Score, _options.DetractorThreshold)));
                }

                return (new InteractionChangeSet
                {
                    FeedbackRecorded = [created],
                    InteractionsRecorded = [entry],
                    IdempotencyKeys = TimelineEntries.Keys(key, entry, now),
                    Events = events,
                }, created);
            },
            cancellationToken).ConfigureAwait(false);
        Log.FeedbackRecorded(_logger, tenantId, response.ContactId, response.Id, response.Survey, response.Score);
        if (IsDetractor(response))
        {
            Log.DetractorAlert(_logger, tenantId, response.ContactId, response.Id, response.Score);
        }

        return response;
    }

    /// <summary>One page of the contact's responses, newest first: the feedback time series.</summary>
    /// <exception cref="ArgumentException">The tenant or contact is empty, or the cursor is foreign.</exception>
    public ValueTask<Page<FeedbackResponse>> ListAsync(TenantId tenantId, ContactId contactId, PageRequest? page = null, CancellationToken cancellationToken = default)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ContactId.ThrowIfEmpty(contactId);
        return _store.ListFeedbackByContactAsync(tenantId, contactId, page ?? PageRequest.First(), cancellationToken);
    }

    private bool IsDetractor(FeedbackResponse response) => response.Survey == FeedbackSurvey.Nps && response.Score <= _options.DetractorThreshold;
}
