using Crm.Events;
using Crm.Interactions.Storage;
using Crm.Interactions.Support;
using Crm.Storage;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Crm.Interactions;

/// <summary>Records calls, e-mails, meetings, messages, notes and follow-up outcomes on a contact's timeline, and reads the timeline.</summary>
/// <remarks>
/// <para>Every recording writes one timeline entry and its <see cref="Events.InteractionRecorded"/> event in one atomic
/// change set. With an idempotency key, a repeat (a redelivered webhook) returns the first entry and records nothing.</para>
/// <para>An inbound interaction linked to an unresolved case of the same contact counts one more contact until resolution
/// (<see cref="SupportCase.ContactCount"/>), in the same change set.</para>
/// <para>The package does not depend on Crm.Contacts: a <see cref="ContactId"/> is taken as given. A host that wants only
/// known contacts checks before calling (the interactions of an unknown id are still erased by id).</para>
/// </remarks>
public sealed class InteractionManager
{
    private static readonly HashSet<InteractionKind> RecordableKinds =
        [InteractionKind.Call, InteractionKind.Email, InteractionKind.Meeting, InteractionKind.Message, InteractionKind.Note, InteractionKind.FollowUpOutcome];

    private readonly IInteractionStore _store;
    private readonly IClock _clock;
    private readonly ICrmEventIdGenerator _eventIds;
    private readonly ILogger<InteractionManager> _logger;

    /// <summary>Creates the manager.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public InteractionManager(IInteractionStore store, IClock clock, ICrmEventIdGenerator eventIds, ILogger<InteractionManager> logger)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(eventIds);
        ArgumentNullException.ThrowIfNull(logger);
        _store = store;
        _clock = clock;
        _eventIds = eventIds;
        _logger = logger;
    }

    /// <summary>Records one interaction on the contact's timeline.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="draft"/> is null.</exception>
    /// <exception cref="ArgumentException">The tenant or contact is empty, a text or the key breaks its rule, or a message has no message channel.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The kind is not one this method records, an enum value is undefined, or the instant is in the future.</exception>
    /// <exception cref="RecordNotFoundException">The linked case does not exist, or belongs to another contact.</exception>
    public async Task<Interaction> RecordAsync(TenantId tenantId, InteractionDraft draft, CancellationToken cancellationToken = default)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ArgumentNullException.ThrowIfNull(draft);
        ContactId.ThrowIfEmpty(draft.ContactId, "draft.ContactId");
        if (!RecordableKinds.Contains(draft.Kind))
        {
            throw new ArgumentOutOfRangeException(nameof(draft), draft.Kind, "draft.Kind must be Call, Email, Meeting, Message, Note or FollowUpOutcome; purchases, refunds, contracts, cases and feedback have their own managers.");
        }

        EnumRules.Check(draft.Channel, "draft.Channel");
        EnumRules.Check(draft.Direction, "draft.Direction");
        if (draft.Kind == InteractionKind.Message && draft.Channel is not (InteractionChannel.Sms or InteractionChannel.Chat or InteractionChannel.Social))
        {
            throw new ArgumentException("A Message needs the channel Sms, Chat or Social.", nameof(draft));
        }

        var key = TimelineEntries.CheckKey(draft.IdempotencyKey, "draft.IdempotencyKey");
        var summary = TextRules.OptionalText(draft.Summary, "InteractionDraft.Summary", nameof(draft));
        var links = new InteractionLinks { Case = draft.Case, OrderReference = draft.OrderReference }.Validated(nameof(draft));
        if (draft.TeamMember is { IsEmpty: true })
        {
            throw new ArgumentException("draft.TeamMember must be null or a non-empty id.", nameof(draft));
        }

        var entry = await TimelineEntries.RecordAsync(
            _store,
            tenantId,
            key,
            _logger,
            static (replay, _) => Task.FromResult(replay),
            async ct =>
            {
                var now = _clock.GetCurrentInstant();
                var occurredAt = TimelineEntries.NotFuture(draft.OccurredAt, now, "draft.OccurredAt");
                var entry = TimelineEntries.New(tenantId, draft.ContactId, draft.Kind, draft.Channel, draft.Direction, occurredAt, draft.TeamMember, summary, links, now);
                var caseUpdate = await CountContactAsync(tenantId, draft, ct).ConfigureAwait(false);
                var changes = new InteractionChangeSet
                {
                    InteractionsRecorded = [entry],
                    CasesReplaced = caseUpdate is null ? [] : [caseUpdate],
                    IdempotencyKeys = TimelineEntries.Keys(key, entry, now),
                    Events = [TimelineEntries.Event(_eventIds, entry, now)],
                };
                return (changes, entry);
            },
            cancellationToken).ConfigureAwait(false);
        Log.InteractionRecorded(_logger, tenantId, entry.ContactId, entry.Id, entry.Kind);
        return entry;
    }

    /// <summary>Finds a timeline entry, or returns <see langword="null"/>.</summary>
    /// <exception cref="ArgumentException">The tenant or id is empty.</exception>
    public async Task<Interaction?> FindAsync(TenantId tenantId, InteractionId interactionId, CancellationToken cancellationToken = default)
    {
        TenantId.ThrowIfEmpty(tenantId);
        InteractionId.ThrowIfEmpty(interactionId);
        var found = StoreGuard.Checked(await _store.FindInteractionAsync(tenantId, interactionId, cancellationToken).ConfigureAwait(false), tenantId, static i => i.TenantId, "interaction", _logger);
        return found?.Id == interactionId ? found : null;
    }

    /// <summary>One page of the contact's timeline, newest first, filtered by kind, channel and period.</summary>
    /// <remarks>A page costs time proportional to its size (plus entries of the period a kind or channel filter skips), never to the whole history: stores read an index on (tenant, contact, instant desc, id).</remarks>
    /// <exception cref="ArgumentException">The tenant or contact is empty, the filter's period is reversed, or the cursor is foreign.</exception>
    public async Task<Page<Interaction>> GetTimelineAsync(TenantId tenantId, ContactId contactId, TimelineFilter? filter = null, PageRequest? page = null, CancellationToken cancellationToken = default)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ContactId.ThrowIfEmpty(contactId);
        var checkedFilter = (filter ?? TimelineFilter.All).Validated(nameof(filter));
        var request = page ?? PageRequest.First();
        var result = await _store.GetTimelineAsync(tenantId, contactId, checkedFilter, request, cancellationToken).ConfigureAwait(false);
        if (result.Items.Count > request.Size || result.Items.Any(i => i is null || i.TenantId != tenantId || i.ContactId != contactId || !checkedFilter.Matches(i)))
        {
            throw new InvalidOperationException("The interaction store returned a timeline page with more items than asked, or with entries of another tenant, contact or filter.");
        }

        return result;
    }

    /// <summary>The case replacement counting one more contact, when the draft is an inbound interaction about an unresolved case.</summary>
    private async Task<Replacement<SupportCase>?> CountContactAsync(TenantId tenantId, InteractionDraft draft, CancellationToken cancellationToken)
    {
        if (draft.Case is not { } caseId)
        {
            return null;
        }

        var supportCase = StoreGuard.Checked(await _store.FindCaseAsync(tenantId, caseId, cancellationToken).ConfigureAwait(false), tenantId, static c => c.TenantId, "case", _logger);
        if (supportCase is null || supportCase.ContactId != draft.ContactId)
        {
            throw new RecordNotFoundException("case", caseId.ToString());
        }

        return draft.Direction == InteractionDirection.Inbound && supportCase.Status is CaseStatus.Open or CaseStatus.Pending
            ? new Replacement<SupportCase>(supportCase.With(contactCount: supportCase.ContactCount + 1), supportCase.ConcurrencyStamp)
            : null;
    }
}
