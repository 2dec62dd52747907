using Crm.Events;
using Crm.Interactions.Events;
using Crm.Interactions.Storage;
using Crm.Interactions.Support;
using Crm.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Crm.Interactions.FollowUps;

/// <summary>Creates, completes and cancels follow-up tasks, chains the next one from an outcome, and lists each assignee's overdue and upcoming work.</summary>
/// <remarks>
/// <para><b>Completion.</b> One change set replaces the follow-up (guarded by its stamp: of two agents completing the same
/// task one wins, the other gets <see cref="FollowUpClosedException"/>), records the outcome as a
/// <see cref="InteractionKind.FollowUpOutcome"/> timeline entry, writes <see cref="FollowUpCompleted"/> and — when a
/// <see cref="FollowUpChainMode.Create"/> rule applies — the next follow-up with its <see cref="FollowUpCreated"/>. An
/// idempotency key maps to the timeline entry, so a repeated completion applies once and returns the first result.</para>
/// <para><b>Chaining</b> follows <see cref="FollowUpOptions.ChainRules"/>; <see cref="SuggestNextAsync"/> computes the same
/// suggestion and writes nothing.</para>
/// <para>Logs carry ids, outcomes and counts only, never reasons or notes.</para>
/// </remarks>
public sealed class FollowUpManager
{
    private readonly IInteractionStore _store;
    private readonly IFollowUpStore _followUps;
    private readonly ISlaPolicyProvider _policies;
    private readonly IClock _clock;
    private readonly ICrmEventIdGenerator _eventIds;
    private readonly ILogger<FollowUpManager> _logger;
    private readonly FollowUpOptions _options;

    /// <summary>Creates the manager.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The store does not implement <see cref="IFollowUpStore"/>.</exception>
    public FollowUpManager(
        IInteractionStore store, ISlaPolicyProvider policies, IClock clock, ICrmEventIdGenerator eventIds, ILogger<FollowUpManager> logger, IOptions<InteractionOptions> options)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(eventIds);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _followUps = store as IFollowUpStore ?? throw new ArgumentException("The interaction store must implement IFollowUpStore to hold follow-ups.", nameof(store));
        _policies = policies;
        _clock = clock;
        _eventIds = eventIds;
        _logger = logger;
        _options = options.Value.FollowUps;
    }

    /// <summary>Creates an open follow-up.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="draft"/> is null.</exception>
    /// <exception cref="ArgumentException">The tenant, contact or assignee is empty, or the reason is blank or breaks its rule.</exception>
    /// <exception cref="InvalidFollowUpException">The due instant is before now, the creation instant.</exception>
    /// <exception cref="RecordNotFoundException">The case does not exist or belongs to another contact.</exception>
    public async Task<FollowUp> CreateAsync(TenantId tenantId, FollowUpDraft draft, CancellationToken cancellationToken = default)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ArgumentNullException.ThrowIfNull(draft);
        ContactId.ThrowIfEmpty(draft.ContactId, "draft.ContactId");
        if (draft.Assignee.IsEmpty)
        {
            throw new ArgumentException("draft.Assignee must not be empty.", nameof(draft));
        }

        var reason = TextRules.OptionalText(draft.Reason, "FollowUpDraft.Reason", nameof(draft), FollowUp.MaxReasonLength, allowLineBreaks: false)
            ?? throw new ArgumentException("FollowUpDraft.Reason must not be blank.", nameof(draft));
        if (draft.Case is { } caseId
            && (StoreGuard.Checked(await _store.FindCaseAsync(tenantId, caseId, cancellationToken).ConfigureAwait(false), tenantId, static c => c.TenantId, "case", _logger) is not { } linked
                || linked.Id != caseId || linked.ContactId != draft.ContactId))
        {
            throw new RecordNotFoundException("case of this contact", caseId.ToString());
        }

        var now = _clock.GetCurrentInstant();
        if (draft.DueAt < now)
        {
            throw new InvalidFollowUpException("draft.DueAt", $"must not be before the follow-up is created ({now}); was {draft.DueAt}.");
        }

        var created = New(tenantId, draft.ContactId, draft.Case, draft.Assignee, reason, now, draft.DueAt, 1, null);
        await _store.SaveAsync(tenantId, new InteractionChangeSet { FollowUpsCreated = [created], Events = [CreatedEvent(created, now)] }, cancellationToken).ConfigureAwait(false);
        Log.FollowUpCreated(_logger, tenantId, created.ContactId, created.Id, created.Attempt);
        return created;
    }

    /// <summary>Completes an open follow-up with an outcome, records it on the contact's timeline, and applies the chaining rule for the outcome — all in one change set.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="completion"/> is null.</exception>
    /// <exception cref="ArgumentException">The tenant or id is empty, or the note or key breaks its rule.</exception>
    /// <exception cref="InvalidOperationException">The key was used by a command about something else.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The outcome or channel is undefined.</exception>
    /// <exception cref="RecordNotFoundException">The follow-up does not exist.</exception>
    /// <exception cref="FollowUpClosedException">It is done or cancelled already (another agent may have completed it first).</exception>
    /// <exception cref="InvalidFollowUpException">The completion instant is in the future or before the follow-up was created.</exception>
    public async Task<FollowUpCompletionResult> CompleteAsync(TenantId tenantId, FollowUpId followUpId, FollowUpCompletion completion, CancellationToken cancellationToken = default)
    {
        TenantId.ThrowIfEmpty(tenantId);
        FollowUpId.ThrowIfEmpty(followUpId);
        ArgumentNullException.ThrowIfNull(completion);
        EnumRules.Check(completion.Outcome, "completion.Outcome");
        EnumRules.Check(completion.Channel, "completion.Channel");
        if (completion.CompletedBy is { IsEmpty: true })
        {
            throw new ArgumentException("completion.CompletedBy must be null or a non-empty id.", nameof(completion));
        }

        var note = TextRules.OptionalText(completion.Note, "FollowUpCompletion.Note", nameof(completion));
        var key = TimelineEntries.CheckKey(completion.IdempotencyKey, "completion.IdempotencyKey");
        var result = await TimelineEntries.RecordAsync(
            _store,
            tenantId,
            key,
            _logger,
            (replay, ct) => ReplayAsync(tenantId, followUpId, replay, ct),
            async ct =>
            {
                var current = await RequiredAsync(tenantId, followUpId, ct).ConfigureAwait(false);
                if (current.Status != FollowUpStatus.Open)
                {
                    throw new FollowUpClosedException(followUpId, current.Status);
                }

                var now = _clock.GetCurrentInstant();
                var at = completion.CompletedAt ?? now;
                if (at > now || at < current.CreatedAt)
                {
                    throw new InvalidFollowUpException("completion.CompletedAt", $"must be between the follow-up's creation ({current.CreatedAt}) and now ({now}); was {at}.");
                }

                var suggestion = FollowUpChaining.Suggest(_options, current, completion.Outcome, at, now, await CalendarAsync(tenantId, ct).ConfigureAwait(false));
                var next = suggestion is { Mode: FollowUpChainMode.Create } && completion.ApplyChaining
                    ? New(tenantId, current.ContactId, current.CaseId, suggestion.Assignee, suggestion.Reason, now, suggestion.DueAt, suggestion.Attempt, current.Id)
                    : null;
                var by = completion.CompletedBy ?? current.Assignee;
                var summary = note is null ? completion.Outcome.ToString() : $"{completion.Outcome}: {note}";
                var entry = TimelineEntries.New(tenantId, current.ContactId, InteractionKind.FollowUpOutcome, completion.Channel, InteractionDirection.Outbound, at, by,
                    summary.Length > TextRules.MaxTextLength ? summary[..TextRules.MaxTextLength] : summary, new InteractionLinks { Case = current.CaseId }, now);
                var done = current.Done(completion.Outcome, note, at, by, entry.Id, next?.Id);
                var events = new List<CrmEvent>
                {
                    _eventIds.Identify(new FollowUpCompleted(tenantId, now, done.Id, done.ContactId, done.CaseId, completion.Outcome, at, entry.Id, next?.Id)),
                    TimelineEntries.Event(_eventIds, entry, now),
                };
                if (next is not null)
                {
                    events.Add(CreatedEvent(next, now));
                }

                return (new InteractionChangeSet
                {
                    FollowUpsReplaced = [new Replacement<FollowUp>(done, current.ConcurrencyStamp)],
                    FollowUpsCreated = next is null ? [] : [next],
                    InteractionsRecorded = [entry],
                    IdempotencyKeys = TimelineEntries.Keys(key, entry, now),
                    Events = events,
                }, new FollowUpCompletionResult(done, next, suggestion, replayed: false));
            },
            cancellationToken).ConfigureAwait(false);
        if (!result.IsReplay)
        {
            Log.FollowUpCompleted(_logger, tenantId, result.Completed.Id, result.Completed.Outcome!.Value, result.Next?.Id);
        }

        return result;
    }

    /// <summary>Cancels an open follow-up; it leaves the assignee's lists. No timeline entry, no event.</summary>
    /// <exception cref="ArgumentException">The tenant or id is empty, or <paramref name="cancelledBy"/> is an empty id.</exception>
    /// <exception cref="RecordNotFoundException">The follow-up does not exist.</exception>
    /// <exception cref="FollowUpClosedException">It is done or cancelled already.</exception>
    public async Task<FollowUp> CancelAsync(TenantId tenantId, FollowUpId followUpId, TeamMemberId? cancelledBy = null, CancellationToken cancellationToken = default)
    {
        TenantId.ThrowIfEmpty(tenantId);
        FollowUpId.ThrowIfEmpty(followUpId);
        if (cancelledBy is { IsEmpty: true })
        {
            throw new ArgumentException("cancelledBy must be null or a non-empty id.", nameof(cancelledBy));
        }

        var current = await RequiredAsync(tenantId, followUpId, cancellationToken).ConfigureAwait(false);
        if (current.Status != FollowUpStatus.Open)
        {
            throw new FollowUpClosedException(followUpId, current.Status);
        }

        var cancelled = current.Cancelled(Max(_clock.GetCurrentInstant(), current.CreatedAt), cancelledBy);
        try
        {
            await _store.SaveAsync(tenantId, new InteractionChangeSet { FollowUpsReplaced = [new Replacement<FollowUp>(cancelled, current.ConcurrencyStamp)] }, cancellationToken).ConfigureAwait(false);
        }
        catch (ConcurrencyConflictException)
        {
            // Another agent closed it first (or changed it): report what it is now.
            var now = await RequiredAsync(tenantId, followUpId, cancellationToken).ConfigureAwait(false);
            if (now.Status != FollowUpStatus.Open)
            {
                throw new FollowUpClosedException(followUpId, now.Status);
            }

            throw;
        }

        Log.FollowUpCancelled(_logger, tenantId, followUpId);
        return cancelled;
    }

    /// <summary>The next follow-up the chaining rules propose if <paramref name="followUpId"/> were completed with <paramref name="outcome"/> at <paramref name="completedAt"/> (default now). Reads only; writes nothing.</summary>
    /// <returns>The suggestion, or <see langword="null"/> when no rule applies to the outcome or the chain reached the rule's last attempt.</returns>
    /// <exception cref="ArgumentException">The tenant or id is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The outcome is undefined.</exception>
    /// <exception cref="RecordNotFoundException">The follow-up does not exist.</exception>
    public async Task<FollowUpSuggestion?> SuggestNextAsync(
        TenantId tenantId, FollowUpId followUpId, FollowUpOutcome outcome, Instant? completedAt = null, CancellationToken cancellationToken = default)
    {
        TenantId.ThrowIfEmpty(tenantId);
        FollowUpId.ThrowIfEmpty(followUpId);
        EnumRules.Check(outcome, nameof(outcome));
        var current = await RequiredAsync(tenantId, followUpId, cancellationToken).ConfigureAwait(false);
        var now = _clock.GetCurrentInstant();
        return FollowUpChaining.Suggest(_options, current, outcome, completedAt ?? now, now, await CalendarAsync(tenantId, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Finds a follow-up, or returns <see langword="null"/>.</summary>
    /// <exception cref="ArgumentException">The tenant or id is empty.</exception>
    public async Task<FollowUp?> FindAsync(TenantId tenantId, FollowUpId followUpId, CancellationToken cancellationToken = default)
    {
        TenantId.ThrowIfEmpty(tenantId);
        FollowUpId.ThrowIfEmpty(followUpId);
        var found = StoreGuard.Checked(await _followUps.FindFollowUpAsync(tenantId, followUpId, cancellationToken).ConfigureAwait(false), tenantId, static f => f.TenantId, "follow-up", _logger);
        return found?.Id == followUpId ? found : null;
    }

    /// <summary>One page of the assignee's overdue follow-ups: open and due before <paramref name="asOf"/> (default now), oldest due first.</summary>
    /// <exception cref="ArgumentException">The tenant or assignee is empty, or the cursor is foreign.</exception>
    public Task<Page<FollowUp>> ListOverdueAsync(TenantId tenantId, TeamMemberId assignee, Instant? asOf = null, PageRequest? page = null, CancellationToken cancellationToken = default)
        => ListOpenAsync(tenantId, assignee, null, asOf ?? _clock.GetCurrentInstant(), page, cancellationToken);

    /// <summary>One page of the assignee's upcoming follow-ups: open and due in [<paramref name="asOf"/>, <paramref name="asOf"/> + <paramref name="window"/>) (default from now), oldest due first.</summary>
    /// <exception cref="ArgumentException">The tenant or assignee is empty, or the cursor is foreign.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="window"/> is not positive.</exception>
    public Task<Page<FollowUp>> ListUpcomingAsync(
        TenantId tenantId, TeamMemberId assignee, Duration window, Instant? asOf = null, PageRequest? page = null, CancellationToken cancellationToken = default)
    {
        if (window <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(window), window, "window must be positive.");
        }

        var from = asOf ?? _clock.GetCurrentInstant();
        return ListOpenAsync(tenantId, assignee, from, from + window, page, cancellationToken);
    }

    /// <summary>One page of a contact's follow-ups, open or closed, by due instant.</summary>
    /// <exception cref="ArgumentException">The tenant or contact is empty, or the cursor is foreign.</exception>
    public ValueTask<Page<FollowUp>> ListByContactAsync(TenantId tenantId, ContactId contactId, PageRequest? page = null, CancellationToken cancellationToken = default)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ContactId.ThrowIfEmpty(contactId);
        return _followUps.ListFollowUpsByContactAsync(tenantId, contactId, page ?? PageRequest.First(), cancellationToken);
    }

    internal static FollowUp New(TenantId tenantId, ContactId contactId, CaseId? caseId, TeamMemberId assignee, string reason, Instant now, Instant dueAt, int attempt, FollowUpId? previous)
        => new(tenantId, FollowUpId.New(), contactId, caseId, assignee, reason, now, dueAt, attempt, previous, FollowUpStatus.Open, null, null, null, null, null, null, ConcurrencyStamp.New());

    internal FollowUpCreated CreatedEvent(FollowUp created, Instant now)
        => _eventIds.Identify(new FollowUpCreated(created.TenantId, now, created.Id, created.ContactId, created.CaseId, created.Assignee, created.DueAt, created.Attempt, created.PreviousId));

    private async Task<Page<FollowUp>> ListOpenAsync(TenantId tenantId, TeamMemberId assignee, Instant? from, Instant before, PageRequest? page, CancellationToken cancellationToken)
    {
        TenantId.ThrowIfEmpty(tenantId);
        if (assignee.IsEmpty)
        {
            throw new ArgumentException("The assignee must not be empty.", nameof(assignee));
        }

        var request = page ?? PageRequest.First();
        var result = await _followUps.ListOpenFollowUpsByAssigneeAsync(tenantId, assignee, from, before, request, cancellationToken).ConfigureAwait(false);
        if (result.Items.Count > request.Size || result.Items.Any(f => f is null || f.TenantId != tenantId || f.Assignee != assignee || f.Status != FollowUpStatus.Open || f.DueAt >= before || f.DueAt < from))
        {
            throw new InvalidOperationException("The follow-up store returned follow-ups outside the query; the answer was refused.");
        }

        return result;
    }

    private async Task<FollowUpCompletionResult> ReplayAsync(TenantId tenantId, FollowUpId followUpId, Interaction replay, CancellationToken cancellationToken)
    {
        var done = await RequiredAsync(tenantId, followUpId, cancellationToken).ConfigureAwait(false);
        if (done.OutcomeEntryId != replay.Id)
        {
            throw new InvalidOperationException($"The idempotency key was used by another command (interaction {replay.Id}), not by the completion of follow-up '{followUpId}'.");
        }

        var next = done.NextId is { } nextId ? await FindAsync(tenantId, nextId, cancellationToken).ConfigureAwait(false) : null;
        var suggestion = FollowUpChaining.Suggest(_options, done, done.Outcome!.Value, done.ClosedAt!.Value, done.ClosedAt!.Value, await CalendarAsync(tenantId, cancellationToken).ConfigureAwait(false));
        return new FollowUpCompletionResult(done, next, suggestion, replayed: true);
    }

    private async Task<FollowUp> RequiredAsync(TenantId tenantId, FollowUpId followUpId, CancellationToken cancellationToken)
        => await FindAsync(tenantId, followUpId, cancellationToken).ConfigureAwait(false) ?? throw new RecordNotFoundException("follow-up", followUpId.ToString());

    private async Task<BusinessCalendar> CalendarAsync(TenantId tenantId, CancellationToken cancellationToken)
        => (await _policies.GetPolicyAsync(tenantId, cancellationToken).ConfigureAwait(false))?.Calendar ?? BusinessCalendar.AlwaysOpen;

    private static Instant Max(Instant a, Instant b) => a > b ? a : b;
}
