using Crm.Contacts;
using Crm.Contacts.Events;
using Crm.Contacts.Storage;
using Crm.Events;
using Crm.Outbox;
using NodaTime;

namespace Crm.Testing.Contacts;

/// <summary>
/// The outbox capability (<see cref="IOutboxStore"/>) of a contact store: events written atomically with their change set,
/// claimed under a lease, completed, redelivered after a lease expires, never claimed twice at once, retried later after a
/// failure, and set aside as dead letters that an operator can requeue.
/// </summary>
/// <typeparam name="TStore">The store under test; it must implement the outbox capability.</typeparam>
/// <remarks>Time is explicit in the outbox contract (every call takes the instant), so the tests move time by passing later instants of <see cref="ContactSpecificationBase{TStore}.Clock"/>.</remarks>
public abstract class ContactOutboxSpecification<TStore> : ContactSpecificationBase<TStore>
    where TStore : class, IContactStore, IOutboxStore
{
    /// <summary>How long a claim holds in these tests.</summary>
    protected static readonly Duration Lease = Duration.FromMinutes(1);

    /// <summary>A manager operation writes its event into the outbox with the fact: claiming finds it, with the id the generator gave it.</summary>
    [Fact]
    public async Task A_created_contact_writes_its_event_in_the_same_change_set()
    {
        var store = CreateStore();
        var contact = await CreateManager(store).CreateAsync(TenantA, Draft()).ConfigureAwait(false);

        var claimed = await ClaimAsync(store, Clock.GetCurrentInstant()).ConfigureAwait(false);

        var message = claimed.Should().ContainSingle().Subject;
        var created = message.Event.Should().BeOfType<ContactCreated>().Subject;
        created.ContactId.Should().Be(contact.Id);
        created.TenantId.Should().Be(TenantA);
        created.EventId.Should().Be(SequentialEventIdGenerator.IdNumber(1));
        message.Attempts.Should().Be(0);
        message.LastError.Should().BeNull();
        message.Lease!.EventId.Should().Be(created.EventId);
    }

    /// <summary>A change set that fails a guard writes none of its events.</summary>
    [Fact]
    public async Task A_failed_change_set_writes_no_event()
    {
        var store = CreateStore();
        var manager = CreateManager(store);
        var contact = await manager.CreateAsync(TenantA, Draft()).ConfigureAwait(false);
        await manager.UpdateAsync(TenantA, contact.Id, contact.ConcurrencyStamp, e => e.AddTag("first")).ConfigureAwait(false);
        var before = await DrainAsync(store).ConfigureAwait(false);

        var stale = () => manager.UpdateAsync(TenantA, contact.Id, contact.ConcurrencyStamp, e => e.AddTag("stale"));
        await stale.Should().ThrowAsync<ConcurrencyConflictException>().ConfigureAwait(false);
        var duplicate = async () => await store.SaveAsync(TenantA, new ContactChangeSet
        {
            Created = [contact],
            Events = [EventIds.Identify(new ContactCreated(TenantA, Clock.GetCurrentInstant(), contact.Id, contact.Origin))],
        }, CancellationToken.None).ConfigureAwait(false);
        await duplicate.Should().ThrowAsync<ConcurrencyConflictException>().ConfigureAwait(false);

        before.Should().HaveCount(2);
        (await ClaimAsync(store, Clock.GetCurrentInstant() + Lease + Lease).ConfigureAwait(false)).Should().BeEmpty("a failed change set writes no event");
    }

    /// <summary>A completed event is never claimed again; while a lease holds, nobody else can claim the event.</summary>
    [Fact]
    public async Task A_claimed_event_is_leased_then_completed_once()
    {
        var store = CreateStore();
        await CreateManager(store).CreateAsync(TenantA, Draft()).ConfigureAwait(false);
        var now = Clock.GetCurrentInstant();

        var claimed = await ClaimAsync(store, now).ConfigureAwait(false);
        (await ClaimAsync(store, now + Duration.FromSeconds(30)).ConfigureAwait(false)).Should().BeEmpty("the lease still holds");

        (await store.CompleteAsync(claimed.Single().Lease!, now + Duration.FromSeconds(1), CancellationToken.None).ConfigureAwait(false)).Should().BeTrue();
        (await ClaimAsync(store, now + Lease + Lease).ConfigureAwait(false)).Should().BeEmpty("a delivered event is never claimed again");
        (await store.CompleteAsync(claimed.Single().Lease!, now + Duration.FromSeconds(2), CancellationToken.None).ConfigureAwait(false)).Should().BeFalse("the event was already completed");
    }

    /// <summary>An event whose lease expired (the dispatcher crashed) is claimed again under a new lease; the old lease can then neither complete nor fail it.</summary>
    [Fact]
    public async Task An_event_is_redelivered_after_its_lease_expires()
    {
        var store = CreateStore();
        await CreateManager(store).CreateAsync(TenantA, Draft()).ConfigureAwait(false);
        var now = Clock.GetCurrentInstant();
        var first = (await ClaimAsync(store, now).ConfigureAwait(false)).Single();

        var second = (await ClaimAsync(store, now + Lease + Duration.FromSeconds(1)).ConfigureAwait(false)).Should().ContainSingle().Subject;

        second.Event.EventId.Should().Be(first.Event.EventId);
        second.Lease!.Token.Should().NotBe(first.Lease!.Token);
        (await store.CompleteAsync(first.Lease, now + Lease + Duration.FromSeconds(2), CancellationToken.None).ConfigureAwait(false)).Should().BeFalse("the first lease was lost");
        (await store.FailAsync(first.Lease, "late", null, CancellationToken.None).ConfigureAwait(false)).Should().BeFalse("the first lease was lost");
        (await store.CompleteAsync(second.Lease, now + Lease + Duration.FromSeconds(3), CancellationToken.None).ConfigureAwait(false)).Should().BeTrue();
    }

    /// <summary>Claimers running in parallel at one instant never hold the same event: together they claim every event exactly once.</summary>
    [Fact]
    public async Task Parallel_claimers_never_claim_one_event_twice()
    {
        var store = CreateStore();
        var manager = CreateManager(store);
        for (var i = 0; i < 60; i++)
        {
            await manager.CreateAsync(TenantA, Draft($"c{i}@example.com")).ConfigureAwait(false);
        }

        var now = Clock.GetCurrentInstant();
        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            var mine = new List<CrmEventId>();
            while (true)
            {
                var batch = await store.ClaimAsync(3, now, now + Lease, CancellationToken.None).ConfigureAwait(false);
                if (batch.Count == 0)
                {
                    return mine;
                }

                mine.AddRange(batch.Select(m => m.Event.EventId));
            }
        }))).ConfigureAwait(false);

        var all = claims.SelectMany(c => c).ToList();
        all.Should().OnlyHaveUniqueItems().And.HaveCount(60);
    }

    /// <summary>Claiming returns the oldest events first and at most the number asked for.</summary>
    [Fact]
    public async Task Claims_come_oldest_first_up_to_the_count_asked()
    {
        var store = CreateStore();
        var manager = CreateManager(store);
        for (var i = 0; i < 5; i++)
        {
            await manager.CreateAsync(TenantA, Draft($"c{i}@example.com")).ConfigureAwait(false);
        }

        var now = Clock.GetCurrentInstant();
        var batch = await store.ClaimAsync(3, now, now + Lease, CancellationToken.None).ConfigureAwait(false);

        batch.Select(m => m.Event.EventId).Should().Equal(Enumerable.Range(1, 3).Select(n => SequentialEventIdGenerator.IdNumber(n)));
    }

    /// <summary>A failed delivery makes the event due again at the retry instant, not before, with the attempt counted and the error kept.</summary>
    [Fact]
    public async Task A_failed_delivery_is_retried_when_due()
    {
        var store = CreateStore();
        await CreateManager(store).CreateAsync(TenantA, Draft()).ConfigureAwait(false);
        var now = Clock.GetCurrentInstant();
        var claimed = (await ClaimAsync(store, now).ConfigureAwait(false)).Single();
        var retryAt = now + Duration.FromMinutes(10);

        (await store.FailAsync(claimed.Lease!, "InvalidOperationException: listener down", retryAt, CancellationToken.None).ConfigureAwait(false)).Should().BeTrue();

        (await ClaimAsync(store, now + Lease + Duration.FromSeconds(1)).ConfigureAwait(false)).Should().BeEmpty("the retry is not due yet");
        var retried = (await ClaimAsync(store, retryAt).ConfigureAwait(false)).Should().ContainSingle().Subject;
        retried.Event.EventId.Should().Be(claimed.Event.EventId);
        retried.Attempts.Should().Be(1);
        retried.LastError.Should().Be("InvalidOperationException: listener down");
    }

    /// <summary>A failure without a retry instant sets the event aside as a dead letter of its tenant; requeued, it is claimable again at once.</summary>
    [Fact]
    public async Task A_dead_letter_is_set_aside_and_can_be_requeued()
    {
        var store = CreateStore();
        await CreateManager(store).CreateAsync(TenantA, Draft()).ConfigureAwait(false);
        var now = Clock.GetCurrentInstant();
        var claimed = (await ClaimAsync(store, now).ConfigureAwait(false)).Single();

        (await store.FailAsync(claimed.Lease!, "gave up", null, CancellationToken.None).ConfigureAwait(false)).Should().BeTrue();

        var dead = (await store.GetDeadLettersAsync(TenantA, 10, CancellationToken.None).ConfigureAwait(false)).Should().ContainSingle().Subject;
        dead.Event.EventId.Should().Be(claimed.Event.EventId);
        dead.LastError.Should().Be("gave up");
        dead.Attempts.Should().Be(1);
        (await store.GetDeadLettersAsync(TenantB, 10, CancellationToken.None).ConfigureAwait(false)).Should().BeEmpty("dead letters are per tenant");
        (await ClaimAsync(store, now + Duration.FromDays(1)).ConfigureAwait(false)).Should().BeEmpty("a dead letter is not claimed");
        (await store.RequeueDeadLetterAsync(TenantB, claimed.Event.EventId, CancellationToken.None).ConfigureAwait(false)).Should().BeFalse("another tenant cannot requeue it");

        (await store.RequeueDeadLetterAsync(TenantA, claimed.Event.EventId, CancellationToken.None).ConfigureAwait(false)).Should().BeTrue();

        (await store.GetDeadLettersAsync(TenantA, 10, CancellationToken.None).ConfigureAwait(false)).Should().BeEmpty();
        (await ClaimAsync(store, now + Duration.FromDays(1)).ConfigureAwait(false)).Should().ContainSingle().Which.Event.EventId.Should().Be(claimed.Event.EventId);
        (await store.RequeueDeadLetterAsync(TenantA, claimed.Event.EventId, CancellationToken.None).ConfigureAwait(false)).Should().BeFalse("it is no longer a dead letter");
    }

    /// <summary>Events round-trip through the outbox with their identity: type, id, tenant, time, correlation and causation.</summary>
    [Fact]
    public async Task Events_are_read_back_with_their_identity()
    {
        var store = CreateStore();
        var contact = await NewContactAsync(TenantA).ConfigureAwait(false);
        var cause = SequentialEventIdGenerator.IdNumber(999);
        var written = EventIds.Identify(new ContactCreated(TenantA, Clock.GetCurrentInstant(), contact.Id, contact.Origin)) with { CorrelationId = "request-17", CausationId = cause };
        await store.SaveAsync(TenantA, new ContactChangeSet { Created = [contact], Events = [written] }, CancellationToken.None).ConfigureAwait(false);

        var read = (await ClaimAsync(store, Clock.GetCurrentInstant()).ConfigureAwait(false)).Single().Event;

        read.Should().Be(written);
    }

    /// <summary>Invalid claim arguments are rejected.</summary>
    [Fact]
    public async Task Claim_rejects_a_non_positive_count_and_a_lease_that_does_not_end_after_now()
    {
        var store = CreateStore();
        var now = Clock.GetCurrentInstant();
        await FluentActions.Awaiting(async () => await store.ClaimAsync(0, now, now + Lease, CancellationToken.None).ConfigureAwait(false)).Should().ThrowAsync<ArgumentOutOfRangeException>().ConfigureAwait(false);
        await FluentActions.Awaiting(async () => await store.ClaimAsync(1, now, now, CancellationToken.None).ConfigureAwait(false)).Should().ThrowAsync<ArgumentOutOfRangeException>().ConfigureAwait(false);
    }

    /// <summary>A cancelled token stops a claim with <see cref="OperationCanceledException"/>, and the events stay claimable.</summary>
    [Fact]
    public async Task A_cancelled_claim_claims_nothing()
    {
        var store = CreateStore();
        await CreateManager(store).CreateAsync(TenantA, Draft()).ConfigureAwait(false);
        var now = Clock.GetCurrentInstant();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync().ConfigureAwait(false);

        await FluentActions.Awaiting(async () => await store.ClaimAsync(10, now, now + Lease, cancelled.Token).ConfigureAwait(false)).Should().ThrowAsync<OperationCanceledException>().ConfigureAwait(false);

        (await ClaimAsync(store, now).ConfigureAwait(false)).Should().ContainSingle();
    }

    /// <summary>Claims up to 100 events due at <paramref name="now"/>, leased for <see cref="Lease"/>.</summary>
    protected static async Task<IReadOnlyList<OutboxMessage>> ClaimAsync(TStore store, Instant now)
    {
        ArgumentNullException.ThrowIfNull(store);
        return await store.ClaimAsync(100, now, now + Lease, CancellationToken.None).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<OutboxMessage>> DrainAsync(TStore store)
    {
        var now = Clock.GetCurrentInstant();
        var claimed = await ClaimAsync(store, now).ConfigureAwait(false);
        foreach (var message in claimed)
        {
            (await store.CompleteAsync(message.Lease!, now, CancellationToken.None).ConfigureAwait(false)).Should().BeTrue();
        }

        return claimed;
    }
}
