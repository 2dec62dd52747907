using Crm.Interactions;
using Crm.Interactions.Events;
using Crm.Interactions.FollowUps;
using Crm.Interactions.Storage;
using Crm.Interactions.Support;
using Crm.Outbox;
using Crm.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Crm.Testing.Interactions;

/// <summary>
/// The contract of an <see cref="IFollowUpStore"/>: follow-ups read back as written and only in their tenant; an assignee's
/// open follow-ups page oldest due first by keyset, within the asked period, without closed ones, gaps or repeats; a
/// completion, its timeline entry, its events and a chained follow-up commit together or not at all; a stale replacement
/// is refused, so two agents completing one task cannot both win; a repeated completion applies once. Inherit it in the
/// store's test project and implement <see cref="InteractionSpecificationBase{TStore}.CreateStore"/>.
/// </summary>
/// <typeparam name="TStore">The store under test.</typeparam>
public abstract class FollowUpSpecification<TStore> : InteractionSpecificationBase<TStore>
    where TStore : class, IInteractionStore, IVersionCounterStore, IFollowUpStore
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly TeamMemberId Agent = new("agent-1");
    private static readonly TeamMemberId OtherAgent = new("agent-2");

    /// <summary>Options with the chaining rule "no answer → create a retry in one day, at most 3 attempts".</summary>
    protected override InteractionOptions CreateOptions()
    {
        var options = base.CreateOptions();
        options.FollowUps.ChainRules.Add(new FollowUpChainRule { Outcome = FollowUpOutcome.NoAnswer, Mode = FollowUpChainMode.Create, Delay = Duration.FromDays(1), MaxAttempts = 3 });
        return options;
    }

    /// <summary>A <see cref="FollowUpManager"/> over <paramref name="store"/>.</summary>
    protected FollowUpManager CreateFollowUpManager(TStore store)
    {
        var options = Options.Create(CreateOptions());
        return new(store, new OptionsSlaPolicyProvider(options), Clock, EventIds, NullLogger<FollowUpManager>.Instance, options);
    }

    /// <summary>A created follow-up reads back with every field, in its tenant only.</summary>
    [Fact]
    public async Task A_created_follow_up_reads_back_with_every_field()
    {
        var store = CreateStore();
        var manager = CreateFollowUpManager(store);

        var created = await manager.CreateAsync(TenantA, Draft(ContactId.New(), Clock.GetCurrentInstant() + Duration.FromHours(3))).ConfigureAwait(false);

        (await store.FindFollowUpAsync(TenantA, created.Id, None).ConfigureAwait(false)).Should().BeEquivalentTo(created);
        (await store.FindFollowUpAsync(TenantB, created.Id, None).ConfigureAwait(false)).Should().BeNull();
        (await ReadAllAsync(p => store.ListFollowUpsByContactAsync(TenantA, created.ContactId, p, None), 2).ConfigureAwait(false)).Select(static f => f.Id).Should().Equal(created.Id);
    }

    /// <summary>Overdue is open and due before the instant; upcoming is open and due in [asOf, asOf + window); both oldest due first, keyset-paged without gaps or repeats, per assignee and tenant.</summary>
    [Fact]
    public async Task Overdue_and_upcoming_page_an_assignees_open_follow_ups_oldest_due_first()
    {
        var store = CreateStore();
        var t0 = Clock.GetCurrentInstant();
        var asOf = t0 + Duration.FromDays(10);
        var mine = Enumerable.Range(0, 17).Select(i => NewFollowUp(TenantA, Agent, t0, t0 + Duration.FromDays(i + 1) - Duration.FromHours(i % 3 == 0 ? 0 : 1))).ToList();
        var tied = NewFollowUp(TenantA, Agent, t0, asOf); // due exactly at asOf: upcoming, not overdue
        var closed = Cancelled(NewFollowUp(TenantA, Agent, t0, t0 + Duration.FromDays(2)), t0);
        await store.SaveAsync(TenantA, new InteractionChangeSet
        {
            FollowUpsCreated = [.. mine, tied, closed, NewFollowUp(TenantA, OtherAgent, t0, t0 + Duration.FromDays(1))],
        }, None).ConfigureAwait(false);
        await store.SaveAsync(TenantB, new InteractionChangeSet { FollowUpsCreated = [NewFollowUp(TenantB, Agent, t0, t0 + Duration.FromDays(1))] }, None).ConfigureAwait(false);

        var overdue = await ReadAllAsync(p => store.ListOpenFollowUpsByAssigneeAsync(TenantA, Agent, null, asOf, p, None), 3).ConfigureAwait(false);
        var upcoming = await ReadAllAsync(p => store.ListOpenFollowUpsByAssigneeAsync(TenantA, Agent, asOf, asOf + Duration.FromDays(4), p, None), 2).ConfigureAwait(false);

        var ordered = mine.Append(tied).OrderBy(static f => f.DueAt).ThenBy(static f => f.Id.Value).ToList();
        overdue.Select(static f => f.Id).Should().Equal(ordered.Where(f => f.DueAt < asOf).Select(static f => f.Id));
        upcoming.Select(static f => f.Id).Should().Equal(ordered.Where(f => f.DueAt >= asOf && f.DueAt < asOf + Duration.FromDays(4)).Select(static f => f.Id));
        upcoming.Select(static f => f.Id).Should().Contain(tied.Id);
        overdue.Select(static f => f.Id).Should().NotContain(tied.Id);
        var foreign = async () => await store.ListOpenFollowUpsByAssigneeAsync(TenantA, Agent, null, asOf, PageRequest.After("foreign"), None).ConfigureAwait(false);
        await foreign.Should().ThrowAsync<ArgumentException>().ConfigureAwait(false);
    }

    /// <summary>A completed follow-up leaves its assignee's open list, and the outcome is on the contact's timeline with the completion's events in the outbox.</summary>
    [Fact]
    public async Task Completing_records_the_outcome_on_the_timeline_and_writes_the_events()
    {
        var store = CreateStore();
        var manager = CreateFollowUpManager(store);
        var created = await manager.CreateAsync(TenantA, Draft(ContactId.New(), Clock.GetCurrentInstant() + Duration.FromMinutes(5))).ConfigureAwait(false);

        var result = await manager.CompleteAsync(TenantA, created.Id, new FollowUpCompletion { Outcome = FollowUpOutcome.Purchased, Note = "spec note" }).ConfigureAwait(false);

        var stored = await store.FindFollowUpAsync(TenantA, created.Id, None).ConfigureAwait(false);
        stored!.Status.Should().Be(FollowUpStatus.Done);
        stored.Outcome.Should().Be(FollowUpOutcome.Purchased);
        stored.OutcomeNote.Should().Be("spec note");
        var timeline = await store.GetTimelineAsync(TenantA, created.ContactId, TimelineFilter.All, PageRequest.First(), None).ConfigureAwait(false);
        timeline.Items.Should().ContainSingle().Which.Should().Match<Interaction>(i => i.Kind == InteractionKind.FollowUpOutcome && i.Id == stored.OutcomeEntryId);
        result.Next.Should().BeNull();
        (await store.ListOpenFollowUpsByAssigneeAsync(TenantA, Agent, null, Instant.MaxValue, PageRequest.First(), None).ConfigureAwait(false)).Items.Should().BeEmpty();
        if (store is IOutboxStore outbox)
        {
            var now = Clock.GetCurrentInstant();
            var events = await outbox.ClaimAsync(100, now, now + Duration.FromMinutes(5), None).ConfigureAwait(false);
            events.Select(static m => m.Event).OfType<FollowUpCompleted>().Should().ContainSingle().Which.OutcomeEntryId.Should().Be(stored.OutcomeEntryId!.Value);
            events.Select(static m => m.Event).OfType<FollowUpCreated>().Should().ContainSingle();
        }
    }

    /// <summary>A replacement with a stale stamp is refused and writes nothing: of two agents completing one task, one wins and the other is told it is closed.</summary>
    [Fact]
    public async Task Two_agents_completing_one_follow_up_cannot_both_win()
    {
        var store = CreateStore();
        var manager = CreateFollowUpManager(store);
        var created = await manager.CreateAsync(TenantA, Draft(ContactId.New(), Clock.GetCurrentInstant() + Duration.FromMinutes(5))).ConfigureAwait(false);
        var stale = Cancelled(created, Clock.GetCurrentInstant());

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Attempt(i))).ConfigureAwait(false);

        results.Count(static won => won).Should().Be(1);
        var staleSave = async () => await store.SaveAsync(TenantA, new InteractionChangeSet { FollowUpsReplaced = [new Replacement<FollowUp>(stale, created.ConcurrencyStamp)] }, None).ConfigureAwait(false);
        await staleSave.Should().ThrowAsync<ConcurrencyConflictException>().ConfigureAwait(false);
        (await store.FindFollowUpAsync(TenantA, created.Id, None).ConfigureAwait(false))!.Status.Should().Be(FollowUpStatus.Done);
        (await store.GetTimelineAsync(TenantA, created.ContactId, TimelineFilter.All, PageRequest.First(), None).ConfigureAwait(false)).Items.Should().ContainSingle();

        async Task<bool> Attempt(int agent)
        {
            try
            {
                await CreateFollowUpManager(store).CompleteAsync(TenantA, created.Id, new FollowUpCompletion { Outcome = FollowUpOutcome.Reached, CompletedBy = new TeamMemberId($"agent-{agent}") }).ConfigureAwait(false);
                return true;
            }
            catch (FollowUpClosedException)
            {
                return false;
            }
        }
    }

    /// <summary>A completion repeated with its idempotency key applies once and returns the first result.</summary>
    [Fact]
    public async Task A_repeated_completion_applies_once()
    {
        var store = CreateStore();
        var manager = CreateFollowUpManager(store);
        var created = await manager.CreateAsync(TenantA, Draft(ContactId.New(), Clock.GetCurrentInstant() + Duration.FromMinutes(5))).ConfigureAwait(false);
        var completion = new FollowUpCompletion { Outcome = FollowUpOutcome.NoAnswer, IdempotencyKey = "spec-complete-1" };

        var first = await manager.CompleteAsync(TenantA, created.Id, completion).ConfigureAwait(false);
        var again = await manager.CompleteAsync(TenantA, created.Id, completion).ConfigureAwait(false);

        again.IsReplay.Should().BeTrue();
        again.Completed.ConcurrencyStamp.Should().Be(first.Completed.ConcurrencyStamp);
        again.Next!.Id.Should().Be(first.Next!.Id);
        (await store.GetTimelineAsync(TenantA, created.ContactId, TimelineFilter.All, PageRequest.First(), None).ConfigureAwait(false)).Items.Should().ContainSingle();
        (await ReadAllAsync(p => store.ListFollowUpsByContactAsync(TenantA, created.ContactId, p, None), 5).ConfigureAwait(false)).Should().HaveCount(2);
    }

    /// <summary>A "create" chaining rule adds the next follow-up in the completion's change set, one attempt further, until the rule's last attempt.</summary>
    [Fact]
    public async Task A_create_rule_chains_the_next_follow_up_until_the_last_attempt()
    {
        var store = CreateStore();
        var manager = CreateFollowUpManager(store);
        var created = await manager.CreateAsync(TenantA, Draft(ContactId.New(), Clock.GetCurrentInstant() + Duration.FromMinutes(5))).ConfigureAwait(false);

        var second = await manager.CompleteAsync(TenantA, created.Id, new FollowUpCompletion { Outcome = FollowUpOutcome.NoAnswer }).ConfigureAwait(false);
        var storedSecond = await store.FindFollowUpAsync(TenantA, second.Next!.Id, None).ConfigureAwait(false);
        var third = await manager.CompleteAsync(TenantA, second.Next!.Id, new FollowUpCompletion { Outcome = FollowUpOutcome.NoAnswer }).ConfigureAwait(false);
        var last = await manager.CompleteAsync(TenantA, third.Next!.Id, new FollowUpCompletion { Outcome = FollowUpOutcome.NoAnswer }).ConfigureAwait(false);

        second.Next.Attempt.Should().Be(2);
        second.Next.PreviousId.Should().Be(created.Id);
        second.Next.DueAt.Should().Be(second.Completed.ClosedAt!.Value + Duration.FromDays(1));
        storedSecond.Should().BeEquivalentTo(second.Next);
        (await store.FindFollowUpAsync(TenantA, created.Id, None).ConfigureAwait(false))!.NextId.Should().Be(second.Next.Id);
        third.Next.Attempt.Should().Be(3);
        last.Next.Should().BeNull();
        last.Suggestion.Should().BeNull();
    }

    /// <summary>A change set whose idempotency key is taken writes none of its follow-ups.</summary>
    [Fact]
    public async Task A_failed_change_set_writes_no_follow_up()
    {
        var store = CreateStore();
        var contact = ContactId.New();
        var t0 = Clock.GetCurrentInstant();
        var entry = NewInteraction(TenantA, contact, t0);
        await store.SaveAsync(TenantA, new InteractionChangeSet { InteractionsRecorded = [entry], IdempotencyKeys = [new InteractionIdempotencyKey("spec-key", entry.Id, t0)] }, None).ConfigureAwait(false);
        var followUp = NewFollowUp(TenantA, Agent, t0, t0 + Duration.FromDays(1));
        var second = NewInteraction(TenantA, contact, t0);

        var save = async () => await store.SaveAsync(TenantA, new InteractionChangeSet
        {
            FollowUpsCreated = [followUp],
            InteractionsRecorded = [second],
            IdempotencyKeys = [new InteractionIdempotencyKey("spec-key", second.Id, t0)],
        }, None).ConfigureAwait(false);

        await save.Should().ThrowAsync<ConcurrencyConflictException>().ConfigureAwait(false);
        (await store.FindFollowUpAsync(TenantA, followUp.Id, None).ConfigureAwait(false)).Should().BeNull();
        (await store.ListOpenFollowUpsByAssigneeAsync(TenantA, Agent, null, Instant.MaxValue, PageRequest.First(), None).ConfigureAwait(false)).Items.Should().BeEmpty();
    }

    private static FollowUpDraft Draft(ContactId contact, Instant due) => new() { ContactId = contact, Assignee = Agent, Reason = "Call back about the renewal", DueAt = due };

    private static FollowUp Cancelled(FollowUp open, Instant at)
        => new(open.TenantId, open.Id, open.ContactId, open.CaseId, open.Assignee, open.Reason, open.CreatedAt, open.DueAt, open.Attempt, open.PreviousId, FollowUpStatus.Cancelled,
            null, null, at, OtherAgent, null, null, ConcurrencyStamp.New());

    private static FollowUp NewFollowUp(TenantId tenant, TeamMemberId assignee, Instant createdAt, Instant dueAt)
        => new(tenant, FollowUpId.New(), ContactId.New(), null, assignee, "spec reason", createdAt, dueAt, 1, null, FollowUpStatus.Open, null, null, null, null, null, null, ConcurrencyStamp.New());
}
