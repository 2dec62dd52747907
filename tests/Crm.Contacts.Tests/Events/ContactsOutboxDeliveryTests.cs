using System.Collections.Concurrent;
using Crm.Contacts.Events;
using Crm.Contacts.InMemory;
using Crm.Contacts.Profile;
using Crm.Contacts.Referrals;
using Crm.Contacts.Storage;
using Crm.Contacts.Tests.TestSupport;
using Crm.Events;
using Crm.Outbox;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Contacts.Tests.Events;

/// <summary>Events are written with their facts and delivered through the outbox, surviving a crash between the two.</summary>
public sealed class ContactsOutboxDeliveryTests
{
    private static readonly TenantId Tenant = new("outbox-contacts");

    private sealed class Received
    {
        public ConcurrentQueue<ReferralRecorded> Referrals { get; } = new();
    }

    /// <summary>A scoped listener, as anything over a DbContext would be.</summary>
    private sealed class ReferralListener(Received received) : ICrmEventListener<ReferralRecorded>
    {
        public ValueTask HandleAsync(ReferralRecorded domainEvent, CancellationToken cancellationToken)
        {
            received.Referrals.Enqueue(domainEvent);
            return ValueTask.CompletedTask;
        }
    }

    private static ServiceProvider Host(InMemoryContactStore store, Received received)
        => TestHost.Build(s =>
        {
            s.AddSingleton(store);
            s.AddSingleton(received);
            s.AddCrm(o => o.EnableBackgroundDispatch = false).AddContacts().AddEventListener<ReferralRecorded, ReferralListener>();
        });

    [Fact]
    public async Task An_event_committed_before_a_crash_is_delivered_by_the_next_process_over_the_same_store()
    {
        var store = new InMemoryContactStore(); // stands for the database that outlives the process
        var received = new Received();
        ContactId ann, bob;
        await using (var crashed = Host(store, received))
        {
            TestHost.Start(crashed);
            await using var scope = crashed.CreateAsyncScope();
            var contacts = scope.ServiceProvider.GetRequiredService<ContactManager>();
            ann = (await contacts.CreateAsync(Tenant, new ContactDraft { Name = new PersonName("Ann") })).Id;
            bob = (await contacts.CreateAsync(Tenant, new ContactDraft { Name = new PersonName("Bob") })).Id;
            await scope.ServiceProvider.GetRequiredService<ReferralManager>().RecordReferralAsync(Tenant, bob, ann);
            // The process dies here: the referral is committed, nothing was dispatched.
        }

        received.Referrals.Should().BeEmpty();
        store.Outbox.Snapshot().Select(e => e.Event).OfType<ReferralRecorded>().Should().ContainSingle("the event was written with the referral");

        await using var restarted = Host(store, received);
        TestHost.Start(restarted);
        var result = await restarted.GetRequiredService<OutboxDispatcher>().DispatchPendingAsync();

        result.DeadLettered.Should().Be(0);
        received.Referrals.Should().ContainSingle().Which.Should().Match<ReferralRecorded>(e => e.RefereeId == bob && e.ReferrerId == ann && !e.EventId.IsEmpty);
        (await restarted.GetRequiredService<OutboxDispatcher>().DispatchPendingAsync()).Claimed.Should().Be(0);
    }

    [Fact]
    public async Task A_refused_change_writes_no_event()
    {
        var h = new ContactsHarness();
        var ann = await h.CreateAsync();
        h.Events.Clear();

        await FluentActions.Awaiting(() => h.Manager.UpdateAsync(ContactsHarness.TenantA, ann.Id, Crm.Storage.ConcurrencyStamp.New(), e => e.AddTag("x")))
            .Should().ThrowAsync<ConcurrencyConflictException>();
        await FluentActions.Awaiting(() => h.Referrals.RecordReferralAsync(ContactsHarness.TenantA, ann.Id, ann.Id)).Should().ThrowAsync<SelfReferralException>();

        h.Events.Should().BeEmpty();
    }

    [Fact]
    public async Task Events_carry_distinct_ids_and_the_ambient_correlation()
    {
        var h = new ContactsHarness();
        using (CrmEventContext.Begin("checkout-42"))
        {
            var ann = await h.CreateAsync();
            await h.Manager.UpdateAsync(ContactsHarness.TenantA, ann.Id, ann.ConcurrencyStamp, e => e.AddTag("gold"));
        }

        h.Events.Should().HaveCount(2).And.OnlyContain(e => e.CorrelationId == "checkout-42");
        h.Events.Select(e => e.EventId).Should().OnlyHaveUniqueItems().And.NotContain(default(CrmEventId));
    }

    [Fact]
    public async Task A_store_without_an_outbox_is_refused_at_start_up()
    {
        await using var provider = TestHost.Build(s => s.AddCrm().AddContacts().Services.AddSingleton<IContactStore, NoOutboxStore>());
        FluentActions.Invoking(() => TestHost.Start(provider)).Should().Throw<Microsoft.Extensions.Options.OptionsValidationException>()
            .WithMessage("*does not implement Crm.Outbox.IOutboxStore*");
    }

    private sealed class NoOutboxStore : IContactStore
    {
        public ValueTask<Contact?> FindByIdAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken) => ValueTask.FromResult<Contact?>(null);

        public ValueTask<Crm.Storage.Page<Contact>> ListAsync(TenantId tenantId, Crm.Storage.PageRequest page, CancellationToken cancellationToken) => ValueTask.FromResult(new Crm.Storage.Page<Contact>([], null));

        public ValueTask<ContactId?> FindIdByIdempotencyKeyAsync(TenantId tenantId, string key, CancellationToken cancellationToken) => ValueTask.FromResult<ContactId?>(null);

        public ValueTask SaveAsync(TenantId tenantId, ContactChangeSet changes, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
