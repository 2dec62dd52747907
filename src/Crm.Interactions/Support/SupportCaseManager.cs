using Crm.Events;
using Crm.Interactions.Events;
using Crm.Interactions.Storage;
using Crm.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Crm.Interactions.Support;

/// <summary>Opens, imports, answers and moves support cases through their status flow, and checks their SLA timers.</summary>
/// <remarks>
/// <para><b>Tracking codes.</b> The tenant's case sequence is the counter <see cref="InteractionChangeSet.CaseSequenceCounter"/>.
/// When the store is an <see cref="ISequenceStore"/>, opening a case draws the next number v + 1 in one atomic step, asks the
/// <see cref="ITrackingCodeGenerator"/> for the code of v and saves the case: concurrent opens never wait on each other's
/// saves. Otherwise it reads the counter at version v and saves the case with a guard that advances it from v to v + 1, in
/// the same commit; two concurrent opens never get the same v: the loser re-reads and draws v + 1. Either way the store
/// refuses a code already taken (an imported legacy code): that number is burnt and the next one drawn. Numbers are never
/// reused; a failed save may leave a gap, never a duplicate.</para>
/// <para><b>Status flow.</b> See <see cref="CaseStatusRules"/>; a change may not be dated before the previous one, so a
/// resolution can never precede the opening. Every change writes a case-event timeline entry and
/// <see cref="CaseStatusChanged"/>.</para>
/// <para><b>SLA.</b> Timers are computed from the status history (<see cref="SupportCase.GetSla"/>); breaches are raised
/// only by <see cref="CheckSlaAsync"/>, once per case and timer, never by a read.</para>
/// </remarks>
public sealed partial class SupportCaseManager
{
    private readonly IInteractionStore _store;
    private readonly IVersionCounterStore _counters;
    private readonly ISequenceStore? _sequences;
    private readonly ITrackingCodeGenerator _codes;
    private readonly ISlaPolicyProvider _policies;
    private readonly IClock _clock;
    private readonly ICrmEventIdGenerator _eventIds;
    private readonly ILogger<SupportCaseManager> _logger;
    private readonly SupportOptions _options;

    /// <summary>Creates the manager.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The store does not implement <see cref="IVersionCounterStore"/>.</exception>
    public SupportCaseManager(
        IInteractionStore store, ITrackingCodeGenerator codes, ISlaPolicyProvider policies, IClock clock, ICrmEventIdGenerator eventIds,
        ILogger<SupportCaseManager> logger, IOptions<InteractionOptions> options)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(codes);
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(eventIds);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _counters = store as IVersionCounterStore ?? throw new ArgumentException("The interaction store must implement IVersionCounterStore: tracking codes are drawn from a version counter.", nameof(store));
        _sequences = store as ISequenceStore;
        _codes = codes;
        _policies = policies;
        _clock = clock;
        _eventIds = eventIds;
        _logger = logger;
        _options = options.Value.Support;
    }

    /// <summary>Opens a case with the next tracking code of the tenant.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="draft"/> is null.</exception>
    /// <exception cref="ArgumentException">The tenant or contact is empty, a text or the key breaks its rule.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An enum value is undefined or the opening instant is in the future.</exception>
    /// <exception cref="RecordNotFoundException">A related case does not exist, belongs to another contact or was opened later.</exception>
    /// <exception cref="ConcurrencyConflictException">Concurrent opens took <see cref="SupportOptions.MaxTrackingCodeAttempts"/> numbers in a row; retry.</exception>
    public async Task<SupportCase> OpenAsync(TenantId tenantId, CaseDraft draft, CancellationToken cancellationToken = default)
        => (await OpenOrImportAsync(tenantId, draft, null, cancellationToken).ConfigureAwait(false)).Case;

    /// <summary>Imports a case from a legacy system with its tracking code as it is; the code is then never issued again.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="draft"/> is null.</exception>
    /// <exception cref="ArgumentException">The tracking code breaks its rule (1–64 printable ASCII characters), or as <see cref="OpenAsync"/>.</exception>
    /// <exception cref="ConcurrencyConflictException">The tenant already has a case with that code (entity <c>tracking code</c>).</exception>
    public async Task<SupportCase> ImportAsync(TenantId tenantId, string legacyTrackingCode, CaseDraft draft, CancellationToken cancellationToken = default)
        => (await OpenOrImportAsync(tenantId, draft, TrackingCodeFormat.CheckCode(legacyTrackingCode, nameof(legacyTrackingCode)), cancellationToken).ConfigureAwait(false)).Case;

    /// <summary>Records a response of the team on the case; the first one stops the first-response timer.</summary>
    /// <exception cref="ArgumentException">The tenant or id is empty, or the key breaks its rule.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The instant is before the case was opened or in the future.</exception>
    /// <exception cref="RecordNotFoundException">The case does not exist.</exception>
    public async Task<SupportCase> RespondAsync(
        TenantId tenantId, CaseId caseId, TeamMemberId? respondedBy = null, Instant? respondedAt = null, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        TenantId.ThrowIfEmpty(tenantId);
        CaseId.ThrowIfEmpty(caseId);
        var key = TimelineEntries.CheckKey(idempotencyKey, nameof(idempotencyKey));
        return await TimelineEntries.RecordAsync(
            _store,
            tenantId,
            key,
            _logger,
            (replay, ct) => LinkedAsync(tenantId, replay.Links.Case, ct),
            async ct =>
            {
                var current = await LinkedAsync(tenantId, caseId, ct).ConfigureAwait(false);
                var now = _clock.GetCurrentInstant();
                var at = TimelineEntries.NotFuture(respondedAt, now, nameof(respondedAt));
                if (at < current.OpenedAt)
                {
                    throw new ArgumentOutOfRangeException(nameof(respondedAt), at, "A response must not be before the case was opened.");
                }

                var changed = current.With(firstResponseAt: current.FirstResponseAt ?? at, assignee: current.Assignee ?? respondedBy);
                var entry = TimelineEntries.New(tenantId, current.ContactId, InteractionKind.CaseEvent, current.Channel, InteractionDirection.Outbound, at, respondedBy, null,
                    new InteractionLinks { Case = caseId }, now);
                return (new InteractionChangeSet
                {
                    CasesReplaced = [new Replacement<SupportCase>(changed, current.ConcurrencyStamp)],
                    InteractionsRecorded = [entry],
                    IdempotencyKeys = TimelineEntries.Keys(key, entry, now),
                    Events = [TimelineEntries.Event(_eventIds, entry, now)],
                }, changed);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Moves the case to <paramref name="status"/> (pending, resolved, closed, or open to resume or reopen).</summary>
    /// <exception cref="ArgumentException">The tenant or id is empty, or the key breaks its rule.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The status is undefined, or the instant is before the last status change (so before the opening) or in the future.</exception>
    /// <exception cref="RecordNotFoundException">The case does not exist.</exception>
    /// <exception cref="InvalidCaseTransitionException">The flow does not allow the move.</exception>
    public async Task<SupportCase> ChangeStatusAsync(
        TenantId tenantId, CaseId caseId, CaseStatus status, Instant? changedAt = null, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        TenantId.ThrowIfEmpty(tenantId);
        CaseId.ThrowIfEmpty(caseId);
        EnumRules.Check(status, nameof(status));
        var key = TimelineEntries.CheckKey(idempotencyKey, nameof(idempotencyKey));
        CaseStatus from = default;
        var changed = await TimelineEntries.RecordAsync(
            _store,
            tenantId,
            key,
            _logger,
            (replay, ct) => LinkedAsync(tenantId, replay.Links.Case, ct),
            async ct =>
            {
                var current = await LinkedAsync(tenantId, caseId, ct).ConfigureAwait(false);
                from = current.Status;
                if (!CaseStatusRules.IsAllowed(from, status))
                {
                    throw new InvalidCaseTransitionException(caseId, from, status);
                }

                var now = _clock.GetCurrentInstant();
                var at = TimelineEntries.NotFuture(changedAt, now, nameof(changedAt));
                if (at < current.LastChangedAt)
                {
                    throw new ArgumentOutOfRangeException(nameof(changedAt), at, $"A status change must not be before the case's previous one ({current.LastChangedAt}), nor before it was opened.");
                }

                var progress = CaseStatusRules.IsReopen(from, status) ? current.SlaProgress & ~SlaProgress.ResolutionDecided : current.SlaProgress;
                var updated = current.With(history: [.. current.StatusHistory, new CaseStatusChange(status, at)], slaProgress: progress);
                var entry = TimelineEntries.New(tenantId, current.ContactId, InteractionKind.CaseEvent, InteractionChannel.None, InteractionDirection.Internal, at, null, null,
                    new InteractionLinks { Case = caseId }, now);
                return (new InteractionChangeSet
                {
                    CasesReplaced = [new Replacement<SupportCase>(updated, current.ConcurrencyStamp)],
                    InteractionsRecorded = [entry],
                    IdempotencyKeys = TimelineEntries.Keys(key, entry, now),
                    Events = [
                        _eventIds.Identify(new CaseStatusChanged(tenantId, now, caseId, current.ContactId, from, status, at)),
                        TimelineEntries.Event(_eventIds, entry, now),
                    ],
                }, updated);
            },
            cancellationToken).ConfigureAwait(false);
        Log.CaseStatusChanged(_logger, tenantId, caseId, from, changed.Status);
        return changed;
    }

    /// <summary>Finds a case, or returns <see langword="null"/>.</summary>
    /// <exception cref="ArgumentException">The tenant or id is empty.</exception>
    public async Task<SupportCase?> FindAsync(TenantId tenantId, CaseId caseId, CancellationToken cancellationToken = default)
    {
        TenantId.ThrowIfEmpty(tenantId);
        CaseId.ThrowIfEmpty(caseId);
        var found = StoreGuard.Checked(await _store.FindCaseAsync(tenantId, caseId, cancellationToken).ConfigureAwait(false), tenantId, static c => c.TenantId, "case", _logger);
        return found?.Id == caseId ? found : null;
    }

    /// <summary>Finds a case by the tracking code a customer quotes, or returns <see langword="null"/>.</summary>
    /// <exception cref="ArgumentException">The tenant is empty or the code breaks its rule.</exception>
    public async Task<SupportCase?> FindByTrackingCodeAsync(TenantId tenantId, string trackingCode, CancellationToken cancellationToken = default)
    {
        TenantId.ThrowIfEmpty(tenantId);
        TrackingCodeFormat.CheckCode(trackingCode, nameof(trackingCode));
        var found = StoreGuard.Checked(await _store.FindCaseByTrackingCodeAsync(tenantId, trackingCode, cancellationToken).ConfigureAwait(false), tenantId, static c => c.TenantId, "case", _logger);
        return found is not null && string.Equals(found.TrackingCode, trackingCode, StringComparison.Ordinal) ? found : null;
    }

    /// <summary>One page of the contact's cases, newest first.</summary>
    /// <exception cref="ArgumentException">The tenant or contact is empty, or the cursor is foreign.</exception>
    public ValueTask<Page<SupportCase>> ListByContactAsync(TenantId tenantId, ContactId contactId, PageRequest? page = null, CancellationToken cancellationToken = default)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ContactId.ThrowIfEmpty(contactId);
        return _store.ListCasesByContactAsync(tenantId, contactId, page ?? PageRequest.First(), cancellationToken);
    }

    /// <summary>The case's SLA timers at <paramref name="asOf"/> (default now) in the tenant's business calendar, or <see langword="null"/> when it has no SLA. A read: it raises nothing.</summary>
    /// <exception cref="ArgumentException">The tenant or id is empty.</exception>
    /// <exception cref="RecordNotFoundException">The case does not exist.</exception>
    public async Task<CaseSla?> GetSlaAsync(TenantId tenantId, CaseId caseId, Instant? asOf = null, CancellationToken cancellationToken = default)
    {
        var current = await LinkedAsync(tenantId, caseId, cancellationToken).ConfigureAwait(false);
        var calendar = await CalendarAsync(tenantId, cancellationToken).ConfigureAwait(false);
        return current.GetSla(calendar, asOf ?? _clock.GetCurrentInstant());
    }

    /// <summary>Raises <see cref="SlaBreached"/> for every target of the tenant's cases missed as of <paramref name="asOf"/>, once per case and timer, and returns how many it raised.</summary>
    /// <remarks>
    /// An explicit, idempotent command for a scheduler: running it again (with the same or a later instant) raises only
    /// breaches not raised before, because each breach is recorded on the case in the same change set as its event. It
    /// reads only the cases whose timers are still undecided (<see cref="SupportCase.AwaitsSlaCheck"/>), page by page. A case
    /// changed concurrently is left for the next run.
    /// </remarks>
    /// <exception cref="ArgumentException">The tenant is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> is in the future.</exception>
    public async Task<int> CheckSlaAsync(TenantId tenantId, Instant asOf, CancellationToken cancellationToken = default)
    {
        TenantId.ThrowIfEmpty(tenantId);
        var now = _clock.GetCurrentInstant();
        TimelineEntries.NotFuture(asOf, now, nameof(asOf));
        var calendar = await CalendarAsync(tenantId, cancellationToken).ConfigureAwait(false);
        var raised = 0;
        var cases = 0;
        var page = PageRequest.First(200);
        while (true)
        {
            var result = await _store.ListCasesAwaitingSlaCheckAsync(tenantId, page, cancellationToken).ConfigureAwait(false);
            foreach (var current in result.Items)
            {
                StoreGuard.Checked(current, tenantId, static c => c.TenantId, "case", _logger);
                cases++;
                raised += await CheckCaseAsync(tenantId, current, calendar, asOf, now, cancellationToken).ConfigureAwait(false);
            }

            if (result.NextCursor is not { } next)
            {
                break;
            }

            page = PageRequest.After(next, page.Size);
        }

        if (raised > 0)
        {
            Log.SlaBreachesRaised(_logger, tenantId, asOf, raised, cases);
        }

        return raised;
    }

    private async Task<int> CheckCaseAsync(TenantId tenantId, SupportCase current, BusinessCalendar calendar, Instant asOf, Instant now, CancellationToken cancellationToken)
    {
        if (current.GetSla(calendar, asOf) is not { } sla)
        {
            return 0;
        }

        var progress = current.SlaProgress;
        var events = new List<CrmEvent>();
        Decide(sla.FirstResponse, SlaProgress.FirstResponseDecided, SlaProgress.FirstResponseBreached, decideOnBreach: true);
        Decide(sla.Resolution, SlaProgress.ResolutionDecided, SlaProgress.ResolutionBreached, decideOnBreach: false);
        if (progress == current.SlaProgress)
        {
            return 0;
        }

        try
        {
            await _store.SaveAsync(tenantId, new InteractionChangeSet
            {
                CasesReplaced = [new Replacement<SupportCase>(current.With(slaProgress: progress), current.ConcurrencyStamp)],
                Events = events,
            }, cancellationToken).ConfigureAwait(false);
            return events.Count;
        }
        catch (ConcurrencyConflictException)
        {
            return 0; // the case changed meanwhile: the next check decides it on the new snapshot
        }

        void Decide(SlaTimer timer, SlaProgress decided, SlaProgress breached, bool decideOnBreach)
        {
            if ((progress & decided) != 0)
            {
                return;
            }

            if (timer.IsBreached && (progress & breached) == 0)
            {
                progress |= breached;
                events.Add(_eventIds.Identify(new SlaBreached(tenantId, now, current.Id, current.ContactId, timer.Kind, current.Priority, timer.DueAt, timer.MissedBy!.Value, asOf)));
            }

            if (timer.MetAt is not null || (decideOnBreach && timer.IsBreached))
            {
                progress |= decided;
            }
        }
    }

    private async Task<Automation.CaseOpening> OpenOrImportAsync(TenantId tenantId, CaseDraft draft, string? legacyCode, CancellationToken cancellationToken)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ArgumentNullException.ThrowIfNull(draft);
        ContactId.ThrowIfEmpty(draft.ContactId, "draft.ContactId");
        EnumRules.Check(draft.Priority, "draft.Priority");
        EnumRules.Check(draft.Channel, "draft.Channel");
        var key = TimelineEntries.CheckKey(draft.IdempotencyKey, "draft.IdempotencyKey");
        var subject = TextRules.OptionalText(draft.Subject, "CaseDraft.Subject", nameof(draft), 500, allowLineBreaks: false);
        var category = TextRules.OptionalLabel(draft.Category, "CaseDraft.Category", nameof(draft));
        if (draft.Assignee is { IsEmpty: true } || draft.RelatedCases is null || draft.RelatedCases.Any(static r => r.IsEmpty))
        {
            throw new ArgumentException("draft.Assignee must not be an empty id, and draft.RelatedCases must be a list of non-empty ids.", nameof(draft));
        }

        var policy = await _policies.GetPolicyAsync(tenantId, cancellationToken).ConfigureAwait(false);
        var targets = policy?.For(draft.Priority);
        var assigned = legacyCode is null && _automation is not null
            ? await _automation.AssignAsync(tenantId, draft.ContactId, draft.Priority, category, draft.Channel, cancellationToken).ConfigureAwait(false)
            : [];
        for (var attempt = 1; ; attempt++)
        {
            if (await TimelineEntries.FindReplayAsync(_store, tenantId, key, _logger, cancellationToken).ConfigureAwait(false) is { } replay)
            {
                return new Automation.CaseOpening(await LinkedAsync(tenantId, replay.Links.Case, cancellationToken).ConfigureAwait(false), [], null, replayed: true);
            }

            var now = _clock.GetCurrentInstant();
            var openedAt = TimelineEntries.NotFuture(draft.OpenedAt, now, "draft.OpenedAt");
            var related = await RelatedCasesAsync(tenantId, draft, category, openedAt, cancellationToken).ConfigureAwait(false);
            var drawn = legacyCode is null && _sequences is not null;
            var sequence = legacyCode is not null ? -1
                : drawn ? await _sequences!.NextAsync(tenantId, InteractionChangeSet.CaseSequenceCounter, cancellationToken).ConfigureAwait(false) - 1
                : await _counters.GetVersionAsync(tenantId, InteractionChangeSet.CaseSequenceCounter, cancellationToken).ConfigureAwait(false);
            var code = legacyCode ?? TrackingCodeFormat.CheckCode(_codes.Generate(tenantId, sequence), "generated tracking code");
            var opened = new SupportCase(tenantId, CaseId.New(), draft.ContactId, code, legacyCode is not null, subject, draft.Priority, category, draft.Channel, draft.Assignee,
                [new CaseStatusChange(CaseStatus.Open, openedAt)], null, 1, related, targets, SlaProgress.None, now, ConcurrencyStamp.New());
            var entry = TimelineEntries.New(tenantId, draft.ContactId, InteractionKind.CaseEvent, draft.Channel, InteractionDirection.Inbound, openedAt, draft.Assignee, null,
                new InteractionLinks { Case = opened.Id }, now);
            var automated = _automation is null || legacyCode is not null ? default : _automation.Build(opened, assigned, draft.Recipient, now, _eventIds);
            var changes = new InteractionChangeSet
            {
                CasesCreated = [opened],
                InteractionsRecorded = [entry, .. automated.Entries ?? []],
                FollowUpsCreated = automated.FollowUps ?? [],
                IdempotencyKeys = TimelineEntries.Keys(key, entry, now),
                VersionChecks = legacyCode is null && !drawn ? [InteractionChangeSet.CaseSequenceCheck(sequence)] : [],
                Events = [
                    _eventIds.Identify(new CaseOpened(tenantId, now, opened.Id, opened.ContactId, code, opened.Priority, opened.Channel, opened.IsImported)),
                    TimelineEntries.Event(_eventIds, entry, now),
                    .. automated.Events ?? [],
                ],
            };

            try
            {
                await _store.SaveAsync(tenantId, changes, cancellationToken).ConfigureAwait(false);
                Log.CaseOpened(_logger, tenantId, opened.ContactId, opened.Id, code, opened.IsImported);
                return Opening(opened, automated.FollowUps, automated.Acknowledgement);
            }
            catch (ConcurrencyConflictException conflict) when (legacyCode is null && attempt < _options.MaxTrackingCodeAttempts && conflict.Entity is "tracking code" or "version counter" or "idempotency key")
            {
                if (conflict.Entity == "tracking code" && !drawn)
                {
                    await BurnAsync(tenantId, code, sequence, cancellationToken).ConfigureAwait(false);
                }
                else if (conflict.Entity == "tracking code")
                {
                    // The drawn number is burnt already: the next round draws another.
                    Log.TrackingCodeSkipped(_logger, tenantId, code, sequence);
                }
                else
                {
                    Log.CaseSequenceRetry(_logger, tenantId, attempt + 1);
                }
            }
            catch (ConcurrencyConflictException conflict) when (legacyCode is not null && conflict.Entity == "idempotency key" && attempt < TimelineEntries.MaxAttempts)
            {
                // A concurrent repeat of this import won: the next round returns its case.
            }
        }
    }

    /// <summary>Advances the counter past a number whose code is taken (an imported legacy code), so it is never drawn again.</summary>
    private async Task BurnAsync(TenantId tenantId, string code, long sequence, CancellationToken cancellationToken)
    {
        try
        {
            await _store.SaveAsync(tenantId, new InteractionChangeSet { VersionChecks = [InteractionChangeSet.CaseSequenceCheck(sequence)] }, cancellationToken).ConfigureAwait(false);
            Log.TrackingCodeSkipped(_logger, tenantId, code, sequence);
        }
        catch (ConcurrencyConflictException)
        {
            // Another open burnt or used the number first; either way it is gone.
        }
    }

    private async Task<IReadOnlyList<CaseId>> RelatedCasesAsync(TenantId tenantId, CaseDraft draft, string? category, Instant openedAt, CancellationToken cancellationToken)
    {
        var related = new List<CaseId>();
        foreach (var id in draft.RelatedCases.Distinct())
        {
            var earlier = await FindAsync(tenantId, id, cancellationToken).ConfigureAwait(false);
            if (earlier is null || earlier.ContactId != draft.ContactId || earlier.OpenedAt > openedAt)
            {
                throw new RecordNotFoundException("earlier case of this contact", id.ToString());
            }

            related.Add(id);
        }

        if (category is not null && _options.AutoLinkRelatedCases > 0)
        {
            var page = await _store.ListCasesByContactAsync(tenantId, draft.ContactId, PageRequest.First(100), cancellationToken).ConfigureAwait(false);
            related.AddRange(page.Items
                .Where(c => c.TenantId == tenantId && c.ContactId == draft.ContactId && c.OpenedAt <= openedAt && string.Equals(c.Category, category, StringComparison.OrdinalIgnoreCase) && !related.Contains(c.Id))
                .Take(_options.AutoLinkRelatedCases)
                .Select(static c => c.Id));
        }

        return related;
    }

    private async Task<BusinessCalendar> CalendarAsync(TenantId tenantId, CancellationToken cancellationToken)
        => (await _policies.GetPolicyAsync(tenantId, cancellationToken).ConfigureAwait(false))?.Calendar ?? BusinessCalendar.AlwaysOpen;

    private async Task<SupportCase> LinkedAsync(TenantId tenantId, CaseId? caseId, CancellationToken cancellationToken)
        => caseId is { } id && await FindAsync(tenantId, id, cancellationToken).ConfigureAwait(false) is { } found
            ? found
            : throw new RecordNotFoundException("case", caseId?.ToString() ?? "(none)");
}
