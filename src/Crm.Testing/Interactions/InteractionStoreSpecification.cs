using Crm.Interactions;
using Crm.Interactions.Feedback;
using Crm.Interactions.Purchases;
using Crm.Interactions.Storage;
using Crm.Interactions.Support;
using Crm.Storage;
using NodaTime;

namespace Crm.Testing.Interactions;

/// <summary>
/// The contract of an <see cref="IInteractionStore"/> (with <see cref="IVersionCounterStore"/>): records read back as
/// written, newest-first keyset timelines with filters, ordered purchase and contract pages, change sets applied all or
/// nothing (stamps, idempotency keys, tracking codes, the case sequence), and tenant isolation. Inherit it in the store's
/// test project and implement <see cref="InteractionSpecificationBase{TStore}.CreateStore"/>.
/// </summary>
/// <typeparam name="TStore">The store under test.</typeparam>
public abstract class InteractionStoreSpecification<TStore> : InteractionSpecificationBase<TStore>
    where TStore : class, IInteractionStore, IVersionCounterStore
{
    private static readonly CancellationToken None = CancellationToken.None;

    /// <summary>A recorded interaction reads back with every field, in its tenant only.</summary>
    [Fact]
    public async Task A_recorded_interaction_reads_back_with_every_field()
    {
        var store = CreateStore();
        var entry = NewInteraction(TenantA, ContactId.New(), Clock.GetCurrentInstant());

        await store.SaveAsync(TenantA, new InteractionChangeSet { InteractionsRecorded = [entry] }, None).ConfigureAwait(false);

        var read = await store.FindInteractionAsync(TenantA, entry.Id, None).ConfigureAwait(false);
        read.Should().BeEquivalentTo(entry);
        (await store.FindInteractionAsync(TenantB, entry.Id, None).ConfigureAwait(false)).Should().BeNull();
    }

    /// <summary>The timeline pages newest first by (instant, id), ties broken by id, without gaps or repeats; a foreign cursor is refused.</summary>
    [Fact]
    public async Task The_timeline_pages_newest_first_without_gaps_or_repeats()
    {
        var store = CreateStore();
        var contact = ContactId.New();
        var t0 = Clock.GetCurrentInstant();
        var entries = Enumerable.Range(0, 23).Select(i => NewInteraction(TenantA, contact, t0 + Duration.FromMinutes(i / 3))).ToList();
        await store.SaveAsync(TenantA, new InteractionChangeSet { InteractionsRecorded = entries }, None).ConfigureAwait(false);
        await store.SaveAsync(TenantA, new InteractionChangeSet { InteractionsRecorded = [NewInteraction(TenantA, ContactId.New(), t0)] }, None).ConfigureAwait(false);

        var all = await ReadAllAsync(p => store.GetTimelineAsync(TenantA, contact, TimelineFilter.All, p, None), 5).ConfigureAwait(false);

        all.Select(static i => i.Id).Should().Equal(entries.OrderByDescending(static i => i.OccurredAt).ThenByDescending(static i => i.Id.Value).Select(static i => i.Id));
        var foreign = async () => await store.GetTimelineAsync(TenantA, contact, TimelineFilter.All, PageRequest.After("foreign"), None).ConfigureAwait(false);
        await foreign.Should().ThrowAsync<ArgumentException>().ConfigureAwait(false);
    }

    /// <summary>The timeline filters by kind, channel and the half-open period [from, to).</summary>
    [Fact]
    public async Task The_timeline_filters_by_kind_channel_and_period()
    {
        var store = CreateStore();
        var contact = ContactId.New();
        var t0 = Clock.GetCurrentInstant();
        var call = NewInteraction(TenantA, contact, t0);
        var email = NewInteraction(TenantA, contact, t0 + Duration.FromHours(1), InteractionKind.Email, InteractionChannel.Email);
        var sms = NewInteraction(TenantA, contact, t0 + Duration.FromHours(2), InteractionKind.Message, InteractionChannel.Sms);
        await store.SaveAsync(TenantA, new InteractionChangeSet { InteractionsRecorded = [call, email, sms] }, None).ConfigureAwait(false);

        var kinds = await ReadAllAsync(p => store.GetTimelineAsync(TenantA, contact, new TimelineFilter { Kinds = new HashSet<InteractionKind> { InteractionKind.Call, InteractionKind.Message } }, p, None), 1).ConfigureAwait(false);
        var channels = await ReadAllAsync(p => store.GetTimelineAsync(TenantA, contact, new TimelineFilter { Channels = new HashSet<InteractionChannel> { InteractionChannel.Email } }, p, None), 1).ConfigureAwait(false);
        var period = await ReadAllAsync(p => store.GetTimelineAsync(TenantA, contact, new TimelineFilter { From = t0 + Duration.FromHours(1), To = t0 + Duration.FromHours(2) }, p, None), 1).ConfigureAwait(false);

        kinds.Select(static i => i.Id).Should().Equal(sms.Id, call.Id);
        channels.Select(static i => i.Id).Should().Equal(email.Id);
        period.Select(static i => i.Id).Should().Equal(email.Id);
    }

    /// <summary>An idempotency key maps to one interaction per tenant; a second change set with it is refused and writes nothing.</summary>
    [Fact]
    public async Task An_idempotency_key_is_recorded_once_per_tenant()
    {
        var store = CreateStore();
        var contact = ContactId.New();
        var first = NewInteraction(TenantA, contact, Clock.GetCurrentInstant());
        var second = NewInteraction(TenantA, contact, Clock.GetCurrentInstant());
        var other = NewInteraction(TenantB, contact, Clock.GetCurrentInstant());
        await store.SaveAsync(TenantA, new InteractionChangeSet { InteractionsRecorded = [first], IdempotencyKeys = [new InteractionIdempotencyKey("spec-key", first.Id, first.RecordedAt)] }, None).ConfigureAwait(false);

        var repeat = async () => await store.SaveAsync(TenantA, new InteractionChangeSet { InteractionsRecorded = [second], IdempotencyKeys = [new InteractionIdempotencyKey("spec-key", second.Id, second.RecordedAt)] }, None).ConfigureAwait(false);
        await store.SaveAsync(TenantB, new InteractionChangeSet { InteractionsRecorded = [other], IdempotencyKeys = [new InteractionIdempotencyKey("spec-key", other.Id, other.RecordedAt)] }, None).ConfigureAwait(false);

        (await repeat.Should().ThrowAsync<ConcurrencyConflictException>().ConfigureAwait(false)).Which.Entity.Should().Be("idempotency key");
        (await store.FindInteractionAsync(TenantA, second.Id, None).ConfigureAwait(false)).Should().BeNull();
        (await store.FindInteractionIdByIdempotencyKeyAsync(TenantA, "spec-key", None).ConfigureAwait(false)).Should().Be(first.Id);
        (await store.FindInteractionIdByIdempotencyKeyAsync(TenantB, "spec-key", None).ConfigureAwait(false)).Should().Be(other.Id);
    }

    /// <summary>A replacement with a stale stamp is refused and nothing of its change set is written.</summary>
    [Fact]
    public async Task A_stale_stamp_is_refused_and_the_change_set_writes_nothing()
    {
        var store = CreateStore();
        var purchase = new Purchase(TenantA, PurchaseId.New(), ContactId.New(), Clock.GetCurrentInstant(), new Money(10m, new CurrencyCode("EUR")), null, [], [], Clock.GetCurrentInstant(), ConcurrencyStamp.New());
        await store.SaveAsync(TenantA, new InteractionChangeSet { PurchasesCreated = [purchase] }, None).ConfigureAwait(false);
        var refunded = new Purchase(TenantA, purchase.Id, purchase.ContactId, purchase.OccurredAt, purchase.Amount, null, [], [new Refund(1, 4m, Clock.GetCurrentInstant(), null)], purchase.RecordedAt, ConcurrencyStamp.New());
        var entry = NewInteraction(TenantA, purchase.ContactId, Clock.GetCurrentInstant());

        var stale = async () => await store.SaveAsync(TenantA, new InteractionChangeSet { PurchasesReplaced = [new Replacement<Purchase>(refunded, ConcurrencyStamp.New())], InteractionsRecorded = [entry] }, None).ConfigureAwait(false);

        await stale.Should().ThrowAsync<ConcurrencyConflictException>().ConfigureAwait(false);
        (await store.FindPurchaseAsync(TenantA, purchase.Id, None).ConfigureAwait(false))!.ConcurrencyStamp.Should().Be(purchase.ConcurrencyStamp);
        (await store.FindInteractionAsync(TenantA, entry.Id, None).ConfigureAwait(false)).Should().BeNull();
        await store.SaveAsync(TenantA, new InteractionChangeSet { PurchasesReplaced = [new Replacement<Purchase>(refunded, purchase.ConcurrencyStamp)] }, None).ConfigureAwait(false);
        (await store.FindPurchaseAsync(TenantA, purchase.Id, None).ConfigureAwait(false))!.RemainingAmount.Should().Be(6m);
    }

    /// <summary>A tracking code is unique per tenant, and the case sequence guard refuses a stale version, writing nothing.</summary>
    [Fact]
    public async Task Tracking_codes_are_unique_and_the_case_sequence_refuses_a_stale_version()
    {
        var store = CreateStore();
        var first = NewCase(TenantA, "Spec-1");
        await store.SaveAsync(TenantA, new InteractionChangeSet { CasesCreated = [first], VersionChecks = [InteractionChangeSet.CaseSequenceCheck(0)] }, None).ConfigureAwait(false);

        var sameCode = async () => await store.SaveAsync(TenantA, new InteractionChangeSet { CasesCreated = [NewCase(TenantA, "Spec-1")] }, None).ConfigureAwait(false);
        var staleSequence = async () => await store.SaveAsync(TenantA, new InteractionChangeSet { CasesCreated = [NewCase(TenantA, "Spec-2")], VersionChecks = [InteractionChangeSet.CaseSequenceCheck(0)] }, None).ConfigureAwait(false);

        (await sameCode.Should().ThrowAsync<ConcurrencyConflictException>().ConfigureAwait(false)).Which.Entity.Should().Be("tracking code");
        (await staleSequence.Should().ThrowAsync<ConcurrencyConflictException>().ConfigureAwait(false)).Which.Entity.Should().Be("version counter");
        (await store.FindCaseByTrackingCodeAsync(TenantA, "Spec-2", None).ConfigureAwait(false)).Should().BeNull();
        (await store.GetVersionAsync(TenantA, InteractionChangeSet.CaseSequenceCounter, None).ConfigureAwait(false)).Should().Be(1);
        (await store.FindCaseByTrackingCodeAsync(TenantA, "Spec-1", None).ConfigureAwait(false))!.Id.Should().Be(first.Id);
        (await store.FindCaseByTrackingCodeAsync(TenantB, "Spec-1", None).ConfigureAwait(false)).Should().BeNull();
        await store.SaveAsync(TenantB, new InteractionChangeSet { CasesCreated = [NewCase(TenantB, "Spec-1")] }, None).ConfigureAwait(false);
    }

    /// <summary>Purchases and contracts list in (instant, id) order across pages, per tenant and per contact.</summary>
    [Fact]
    public async Task Purchases_and_contracts_list_in_order_across_pages()
    {
        var store = CreateStore();
        var contact = ContactId.New();
        var t0 = Clock.GetCurrentInstant();
        var purchases = Enumerable.Range(0, 7).Select(i => new Purchase(TenantA, PurchaseId.New(), i % 2 == 0 ? contact : ContactId.New(), t0 - Duration.FromDays(i % 3), new Money(i, new CurrencyCode("EUR")), null, [], [], t0, ConcurrencyStamp.New())).ToList();
        var contracts = Enumerable.Range(0, 5).Select(i => new Contract(TenantA, ContractId.New(), contact, "plan", t0 - Duration.FromDays(i), null, ContractStatus.Active, null, t0, ConcurrencyStamp.New())).ToList();
        await store.SaveAsync(TenantA, new InteractionChangeSet { PurchasesCreated = purchases, ContractsCreated = contracts }, None).ConfigureAwait(false);

        var all = await ReadAllAsync(p => store.ListPurchasesAsync(TenantA, p, None), 2).ConfigureAwait(false);
        var mine = await ReadAllAsync(p => store.ListPurchasesByContactAsync(TenantA, contact, p, None), 2).ConfigureAwait(false);
        var byStart = await ReadAllAsync(p => store.ListContractsAsync(TenantA, p, None), 2).ConfigureAwait(false);

        all.Select(static p => p.Id).Should().Equal(purchases.OrderBy(static p => p.OccurredAt).ThenBy(static p => p.Id.Value).Select(static p => p.Id));
        mine.Select(static p => p.Id).Should().Equal(purchases.Where(p => p.ContactId == contact).OrderBy(static p => p.OccurredAt).ThenBy(static p => p.Id.Value).Select(static p => p.Id));
        byStart.Select(static c => c.Id).Should().Equal(contracts.OrderBy(static c => c.Start).ThenBy(static c => c.Id.Value).Select(static c => c.Id));
        (await store.ListPurchasesAsync(TenantB, PageRequest.First(), None).ConfigureAwait(false)).Items.Should().BeEmpty();
    }

    /// <summary>Cases with undecided SLA timers are listed for the check until a replacement decides them; a contact's cases list newest first.</summary>
    [Fact]
    public async Task Cases_awaiting_the_sla_check_leave_the_list_once_decided()
    {
        var store = CreateStore();
        var targets = new SlaTargets(Duration.FromHours(1), Duration.FromHours(8));
        var awaiting = NewCase(TenantA, "Spec-10", targets);
        var without = NewCase(TenantA, "Spec-11", contact: awaiting.ContactId);
        await store.SaveAsync(TenantA, new InteractionChangeSet { CasesCreated = [awaiting, without] }, None).ConfigureAwait(false);

        var before = await ReadAllAsync(p => store.ListCasesAwaitingSlaCheckAsync(TenantA, p, None), 10).ConfigureAwait(false);
        var decided = new SupportCase(TenantA, awaiting.Id, awaiting.ContactId, awaiting.TrackingCode, false, null, awaiting.Priority, null, awaiting.Channel, null, awaiting.StatusHistory, null, 1, [], targets, SlaProgress.Decided, awaiting.RecordedAt, ConcurrencyStamp.New());
        await store.SaveAsync(TenantA, new InteractionChangeSet { CasesReplaced = [new Replacement<SupportCase>(decided, awaiting.ConcurrencyStamp)] }, None).ConfigureAwait(false);
        var after = await ReadAllAsync(p => store.ListCasesAwaitingSlaCheckAsync(TenantA, p, None), 10).ConfigureAwait(false);
        var ofContact = await ReadAllAsync(p => store.ListCasesByContactAsync(TenantA, awaiting.ContactId, p, None), 10).ConfigureAwait(false);

        before.Select(static c => c.Id).Should().Equal(awaiting.Id);
        after.Should().BeEmpty();
        ofContact.Select(static c => c.Id).Should().Equal(without.Id, awaiting.Id);
    }

    /// <summary>A contact's feedback reads back as a time series, newest first.</summary>
    [Fact]
    public async Task Feedback_reads_back_as_a_time_series_newest_first()
    {
        var store = CreateStore();
        var contact = ContactId.New();
        var t0 = Clock.GetCurrentInstant();
        var responses = Enumerable.Range(0, 4).Select(i => new FeedbackResponse(TenantA, FeedbackId.New(), contact, FeedbackSurvey.Nps, i + 5, null, InteractionChannel.Email, t0 + Duration.FromDays(i), null, t0, ConcurrencyStamp.New())).ToList();
        await store.SaveAsync(TenantA, new InteractionChangeSet { FeedbackRecorded = responses }, None).ConfigureAwait(false);

        var series = await ReadAllAsync(p => store.ListFeedbackByContactAsync(TenantA, contact, p, None), 3).ConfigureAwait(false);

        series.Select(static f => f.Score).Should().Equal(8, 7, 6, 5);
        (await store.FindFeedbackAsync(TenantB, responses[0].Id, None).ConfigureAwait(false)).Should().BeNull();
    }

    /// <summary>How many cases <see cref="Cases_opened_in_parallel_get_distinct_codes"/> opens at once (default 1,000).</summary>
    protected virtual int ParallelOpens => 1000;

    /// <summary>Cases opened in parallel through the manager (<see cref="ParallelOpens"/>) get as many distinct tracking codes, and the case sequence counts them all.</summary>
    [Fact]
    public async Task Cases_opened_in_parallel_get_distinct_codes()
    {
        var store = CreateStore();
        var cases = CreateCaseManager(store);

        var opened = await Task.WhenAll(Enumerable.Range(0, ParallelOpens).Select(_ => Task.Run(() => cases.OpenAsync(TenantA, new CaseDraft { ContactId = ContactId.New() })))).ConfigureAwait(false);

        opened.Select(static c => c.TrackingCode).Should().OnlyHaveUniqueItems().And.HaveCount(ParallelOpens);
        (await store.GetVersionAsync(TenantA, InteractionChangeSet.CaseSequenceCounter, None).ConfigureAwait(false)).Should().Be(ParallelOpens);
    }

    /// <summary>A store offering <see cref="ISequenceStore"/> draws 1, 2, 3… per tenant and name, on the counter <see cref="IVersionCounterStore.GetVersionAsync"/> reads.</summary>
    [Fact]
    public async Task Sequence_draws_count_up_per_tenant_on_the_version_counter()
    {
        var store = CreateStore();
        if (store is not ISequenceStore sequences)
        {
            return;
        }

        var drawn = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            drawn.Add(await sequences.NextAsync(TenantA, InteractionChangeSet.CaseSequenceCounter, None).ConfigureAwait(false));
        }

        drawn.Should().Equal(1, 2, 3);
        (await store.GetVersionAsync(TenantA, InteractionChangeSet.CaseSequenceCounter, None).ConfigureAwait(false)).Should().Be(3);
        (await sequences.NextAsync(TenantB, InteractionChangeSet.CaseSequenceCounter, None).ConfigureAwait(false)).Should().Be(1);
        (await sequences.NextAsync(TenantA, "spec.other_sequence", None).ConfigureAwait(false)).Should().Be(1);
        await store.SaveAsync(TenantA, new InteractionChangeSet { VersionChecks = [InteractionChangeSet.CaseSequenceCheck(3)] }, None).ConfigureAwait(false);
        (await sequences.NextAsync(TenantA, InteractionChangeSet.CaseSequenceCounter, None).ConfigureAwait(false)).Should().Be(5, "a version check and a draw advance the same counter");
        var act = async () => await sequences.NextAsync(TenantA, "not a name", None).ConfigureAwait(false);
        await act.Should().ThrowAsync<ArgumentException>().ConfigureAwait(false);
    }

    /// <summary>A new open case of <paramref name="tenant"/> with <paramref name="code"/>, not yet stored.</summary>
    protected SupportCase NewCase(TenantId tenant, string code, SlaTargets? targets = null, ContactId? contact = null)
        => new(tenant, CaseId.New(), contact ?? ContactId.New(), code, false, "spec subject", CasePriority.Normal, "spec", InteractionChannel.Email, null,
            [new CaseStatusChange(CaseStatus.Open, Clock.GetCurrentInstant())], null, 1, [], targets, SlaProgress.None, Clock.GetCurrentInstant(), ConcurrencyStamp.New());
}
