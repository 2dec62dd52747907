using Crm.Contacts.InMemory;
using Crm.Contacts.Storage;
using Crm.Contacts.Tests.TestSupport;
using Crm.Events;
using Crm.InMemory;
using Crm.Outbox;
using Crm.Storage;
using Crm.Testing.Contacts;
using NodaTime;
using Xunit.Sdk;

namespace Crm.Contacts.Tests.Storage;

/// <summary>
/// The specifications have teeth: run against a store with one deliberate defect, the test that guards that part of the
/// contract fails. (The broken specification subclasses are private, so xunit does not run them on their own.)
/// </summary>
public sealed class StoreSpecificationSensitivityTests
{
    [Fact]
    public async Task A_store_that_ignores_stamps_fails_the_stale_write_test()
    {
        var spec = new ContactSpec(() => new IgnoresStamps(new InMemoryContactStore()));
        await FluentActions.Awaiting(spec.Update_with_a_stale_stamp_conflicts_and_changes_nothing).Should().ThrowAsync<XunitException>();
    }

    [Fact]
    public async Task A_store_that_ignores_version_counters_fails_the_counter_test()
    {
        var spec = new ContactSpec(() => new IgnoresVersionChecks(new InMemoryContactStore()));
        await FluentActions.Awaiting(spec.A_version_counter_starts_at_zero_and_advances_by_one).Should().ThrowAsync<XunitException>();
    }

    [Fact]
    public async Task A_store_whose_pages_skip_a_contact_fails_the_paging_test()
    {
        var spec = new ContactSpec(() => new SkipsFirstOfLaterPages(new InMemoryContactStore()));
        await FluentActions.Awaiting(() => spec.Keyset_paging_returns_every_contact_once_in_id_order(23, 5)).Should().ThrowAsync<XunitException>();
    }

    [Fact]
    public async Task A_store_that_writes_events_outside_the_change_set_fails_the_atomicity_test()
    {
        var spec = new OutboxSpec();
        await FluentActions.Awaiting(spec.A_failed_change_set_writes_no_event).Should().ThrowAsync<XunitException>();
    }

    [Fact]
    public async Task The_same_tests_pass_against_the_in_memory_store()
    {
        var spec = new ContactSpec(() => new InMemoryContactStore());
        await spec.Update_with_a_stale_stamp_conflicts_and_changes_nothing();
        await spec.A_version_counter_starts_at_zero_and_advances_by_one();
        await spec.Keyset_paging_returns_every_contact_once_in_id_order(23, 5);
    }

    private sealed class ContactSpec(Func<IContactStore> create) : ContactStoreSpecification
    {
        protected override IContactStore CreateStore() => create();
    }

    private sealed class OutboxSpec : ContactOutboxSpecification<EventsAfterCommit>
    {
        protected override EventsAfterCommit CreateStore() => new();
    }

    /// <summary>Reads through to an in-memory store; subclasses break one thing.</summary>
    private abstract class Decorator(IContactStore inner) : IContactStore
    {
        protected IContactStore Inner { get; } = inner;

        public ValueTask<Contact?> FindByIdAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken) => Inner.FindByIdAsync(tenantId, contactId, cancellationToken);

        public virtual ValueTask<Page<Contact>> ListAsync(TenantId tenantId, PageRequest page, CancellationToken cancellationToken) => Inner.ListAsync(tenantId, page, cancellationToken);

        public ValueTask<ContactId?> FindIdByIdempotencyKeyAsync(TenantId tenantId, string key, CancellationToken cancellationToken) => Inner.FindIdByIdempotencyKeyAsync(tenantId, key, cancellationToken);

        public virtual ValueTask SaveAsync(TenantId tenantId, ContactChangeSet changes, CancellationToken cancellationToken) => Inner.SaveAsync(tenantId, changes, cancellationToken);

        protected static ContactChangeSet Copy(ContactChangeSet changes, IReadOnlyList<ContactUpdate>? updated = null, IReadOnlyList<VersionCheck>? checks = null, IReadOnlyList<CrmEvent>? events = null)
            => ForwardingStore.Copy(changes, updated: updated, checks: checks, events: events);
    }

    /// <summary>Last writer wins: every update is applied against whatever stamp is stored.</summary>
    private sealed class IgnoresStamps(IContactStore inner) : Decorator(inner)
    {
        public override async ValueTask SaveAsync(TenantId tenantId, ContactChangeSet changes, CancellationToken cancellationToken)
        {
            var updated = new List<ContactUpdate>();
            foreach (var update in changes.Updated)
            {
                var stored = await Inner.FindByIdAsync(tenantId, update.Contact.Id, cancellationToken);
                updated.Add(stored is null ? update : update with { ExpectedStamp = stored.ConcurrencyStamp });
            }

            await Inner.SaveAsync(tenantId, Copy(changes, updated: updated), cancellationToken);
        }
    }

    private sealed class IgnoresVersionChecks(IContactStore inner) : Decorator(inner)
    {
        public override ValueTask SaveAsync(TenantId tenantId, ContactChangeSet changes, CancellationToken cancellationToken)
            => Inner.SaveAsync(tenantId, Copy(changes, checks: []), cancellationToken);
    }

    /// <summary>An off-by-one keyset query: every page after the first loses its first row.</summary>
    private sealed class SkipsFirstOfLaterPages(IContactStore inner) : Decorator(inner)
    {
        public override async ValueTask<Page<Contact>> ListAsync(TenantId tenantId, PageRequest page, CancellationToken cancellationToken)
        {
            var result = await Inner.ListAsync(tenantId, page, cancellationToken);
            return page.Cursor is null || result.Items.Count == 0 ? result : result with { Items = result.Items.Skip(1).ToList() };
        }
    }

    /// <summary>Publishes after the commit attempt instead of inside it: a failed change set still leaves its events.</summary>
    private sealed class EventsAfterCommit() : Decorator(new InMemoryContactStore()), IOutboxStore
    {
        private readonly InMemoryOutbox _outbox = new();

        public override async ValueTask SaveAsync(TenantId tenantId, ContactChangeSet changes, CancellationToken cancellationToken)
        {
            try
            {
                await Inner.SaveAsync(tenantId, Copy(changes, events: []), cancellationToken);
            }
            finally
            {
                _outbox.Append(changes.Events);
            }
        }

        public ValueTask<IReadOnlyList<OutboxMessage>> ClaimAsync(int maxCount, Instant now, Instant leaseUntil, CancellationToken cancellationToken) => _outbox.ClaimAsync(maxCount, now, leaseUntil, cancellationToken);

        public ValueTask<bool> CompleteAsync(OutboxLease lease, Instant deliveredAt, CancellationToken cancellationToken) => _outbox.CompleteAsync(lease, deliveredAt, cancellationToken);

        public ValueTask<bool> FailAsync(OutboxLease lease, string error, Instant? retryAt, CancellationToken cancellationToken) => _outbox.FailAsync(lease, error, retryAt, cancellationToken);

        public ValueTask<IReadOnlyList<OutboxMessage>> GetDeadLettersAsync(TenantId tenantId, int maxCount, CancellationToken cancellationToken) => _outbox.GetDeadLettersAsync(tenantId, maxCount, cancellationToken);

        public ValueTask<bool> RequeueDeadLetterAsync(TenantId tenantId, CrmEventId eventId, CancellationToken cancellationToken) => _outbox.RequeueDeadLetterAsync(tenantId, eventId, cancellationToken);
    }
}
