using Crm.Contacts;
using Crm.Contacts.Duplicates;
using Crm.Contacts.Events;
using Crm.Contacts.InMemory;
using Crm.Contacts.Storage;
using Crm.Events;
using Crm.Outbox;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Crm.Testing.Contacts;

/// <summary>
/// The bulk-insert capability (<see cref="IContactBulkInsert"/>) of a contact store: contacts written through it read
/// back exactly as contacts saved one by one (documents, duplicate keys, idempotency keys), their events are in the
/// outbox, a change set that meets any conflict writes nothing and names the contact that collided, and tenants stay apart.
/// </summary>
/// <typeparam name="TStore">The store under test; it must also index duplicate keys, enforce claims and have the outbox.</typeparam>
public abstract class BulkInsertSpecification<TStore> : ContactSpecificationBase<TStore>
    where TStore : class, IContactStore, IContactBulkInsert, IContactDuplicateIndex, IContactUniqueKeys, IOutboxStore
{
    /// <summary>How many varied contacts the round-trip test writes.</summary>
    protected const int VariedContacts = 60;

    /// <summary>Every contact written in one bulk insert reads back as the same contacts saved one by one in another store: each snapshot, the listing, every duplicate key and every idempotency key.</summary>
    [Fact]
    public async Task Bulk_inserted_contacts_read_back_exactly_as_contacts_saved_one_by_one()
    {
        var (contacts, keys) = await VariedAsync(TenantA, VariedContacts, seed: 8).ConfigureAwait(false);
        var oneByOne = CreateStore();
        for (var i = 0; i < contacts.Count; i++)
        {
            await SaveAsync(oneByOne, TenantA, new ContactChangeSet { Created = [contacts[i]], IdempotencyKeys = keys.Where(k => k.ContactId == contacts[i].Id).ToArray() }).ConfigureAwait(false);
        }

        var bulk = CreateStore();
        await bulk.BulkInsertAsync(TenantA, new ContactChangeSet { Created = contacts, IdempotencyKeys = keys }, CancellationToken.None).ConfigureAwait(false);

        foreach (var contact in contacts)
        {
            ContactSnapshots.ShouldBeSameSnapshot(await bulk.FindByIdAsync(TenantA, contact.Id, CancellationToken.None).ConfigureAwait(false), contact);
        }

        (await ListAllAsync(bulk, TenantA, pageSize: 7).ConfigureAwait(false)).Select(c => c.Id)
            .Should().Equal((await ListAllAsync(oneByOne, TenantA, pageSize: 7).ConfigureAwait(false)).Select(c => c.Id));
        var allKeys = contacts.SelectMany(DuplicateKeys.For).Distinct().ToArray();
        allKeys.Should().NotBeEmpty();
        (await bulk.FindByDuplicateKeysAsync(TenantA, allKeys, 100, CancellationToken.None).ConfigureAwait(false))
            .Should().BeEquivalentTo(await oneByOne.FindByDuplicateKeysAsync(TenantA, allKeys, 100, CancellationToken.None).ConfigureAwait(false), o => o.WithStrictOrdering());
        keys.Should().NotBeEmpty();
        foreach (var key in keys)
        {
            (await bulk.FindIdByIdempotencyKeyAsync(TenantA, key.Key, CancellationToken.None).ConfigureAwait(false)).Should().Be(key.ContactId);
        }
    }

    /// <summary>The <see cref="ContactCreated"/> events of a bulk insert are in the outbox, in the order given, with their ids.</summary>
    [Fact]
    public async Task Bulk_inserted_contacts_have_their_events_in_the_outbox()
    {
        var store = CreateStore();
        var (contacts, _) = await VariedAsync(TenantA, 5, seed: 3).ConfigureAwait(false);
        var events = Created(contacts);

        await store.BulkInsertAsync(TenantA, new ContactChangeSet { Created = contacts, Events = events }, CancellationToken.None).ConfigureAwait(false);

        var claimed = await store.ClaimAsync(100, Clock.GetCurrentInstant(), Clock.GetCurrentInstant() + Duration.FromMinutes(1), CancellationToken.None).ConfigureAwait(false);
        claimed.Select(m => m.Event.EventId).Should().Equal(events.Select(e => e.EventId));
        claimed.Select(m => m.Event).Should().AllBeOfType<ContactCreated>()
            .Which.Select(e => (e.TenantId, e.ContactId)).Should().Equal(contacts.Select(c => (TenantA, c.Id)));
    }

    /// <summary>A bulk insert with one id already stored conflicts naming that contact, and writes none of its contacts, keys, claims or events.</summary>
    [Fact]
    public async Task A_bulk_insert_with_a_stored_id_conflicts_and_writes_nothing()
    {
        var store = CreateStore();
        var (contacts, keys) = await VariedAsync(TenantA, 6, seed: 5).ConfigureAwait(false);
        await SaveAsync(store, TenantA, new ContactChangeSet { Created = [contacts[3]] }).ConfigureAwait(false);

        var act = async () => await store.BulkInsertAsync(TenantA, BatchOf(contacts, keys), CancellationToken.None).ConfigureAwait(false);

        var conflict = (await act.Should().ThrowAsync<ConcurrencyConflictException>().ConfigureAwait(false)).Which;
        (conflict.Entity, conflict.Id).Should().Be(("contact", contacts[3].Id.ToString()));
        await ShouldHoldOnlyAsync(store, contacts, keep: contacts[3], keys).ConfigureAwait(false);
    }

    /// <summary>A bulk insert with an idempotency key already recorded conflicts naming the created contact that reused it, and writes nothing.</summary>
    [Fact]
    public async Task A_bulk_insert_with_a_recorded_idempotency_key_conflicts_and_writes_nothing()
    {
        var store = CreateStore();
        var earlier = await NewContactAsync(TenantA, "earlier@example.com").ConfigureAwait(false);
        await SaveAsync(store, TenantA, new ContactChangeSet { Created = [earlier], IdempotencyKeys = [new ContactIdempotencyKey("bulk-key", earlier.Id, earlier.CreatedAt)] }).ConfigureAwait(false);
        var (contacts, keys) = await VariedAsync(TenantA, 4, seed: 6).ConfigureAwait(false);
        var reused = new ContactIdempotencyKey("bulk-key", contacts[2].Id, contacts[2].CreatedAt);

        var act = async () => await store.BulkInsertAsync(TenantA, BatchOf(contacts, [.. keys.Where(k => k.ContactId != contacts[2].Id), reused]), CancellationToken.None).ConfigureAwait(false);

        var conflict = (await act.Should().ThrowAsync<ConcurrencyConflictException>().ConfigureAwait(false)).Which;
        (conflict.Entity, conflict.Id).Should().Be(("idempotency key", contacts[2].Id.ToString()));
        (await store.FindIdByIdempotencyKeyAsync(TenantA, "bulk-key", CancellationToken.None).ConfigureAwait(false)).Should().Be(earlier.Id);
        await ShouldHoldOnlyAsync(store, contacts, keep: earlier, keys).ConfigureAwait(false);
    }

    /// <summary>A bulk insert whose claim another active contact holds conflicts naming the claimant, and writes nothing.</summary>
    [Fact]
    public async Task A_bulk_insert_with_a_held_claim_conflicts_and_writes_nothing()
    {
        var store = CreateStore();
        var holder = await NewContactAsync(TenantA, "held@example.com").ConfigureAwait(false);
        await SaveAsync(store, TenantA, new ContactChangeSet { Created = [holder] }).ConfigureAwait(false);
        var (contacts, keys) = await VariedAsync(TenantA, 3, seed: 7).ConfigureAwait(false);
        var claimant = await NewContactAsync(TenantA, "HELD@example.com").ConfigureAwait(false);
        contacts = [.. contacts, claimant];

        var changes = new ContactChangeSet
        {
            Created = contacts,
            IdempotencyKeys = keys,
            DuplicateKeyClaims = [new DuplicateKeyClaim(claimant.Id, DuplicateKeys.For(claimant, DuplicateCriterion.Email), 0)],
            Events = Created(contacts),
        };
        var act = async () => await store.BulkInsertAsync(TenantA, changes, CancellationToken.None).ConfigureAwait(false);

        var conflict = (await act.Should().ThrowAsync<ConcurrencyConflictException>().ConfigureAwait(false)).Which;
        (conflict.Entity, conflict.Id).Should().Be(("duplicate key", claimant.Id.ToString()));
        await ShouldHoldOnlyAsync(store, contacts, keep: holder, keys).ConfigureAwait(false);
    }

    /// <summary>A bulk insert in one tenant is invisible in another (contacts, keys, duplicate keys), and a change set holding a record of another tenant is refused with nothing written.</summary>
    [Fact]
    public async Task A_bulk_insert_stays_in_its_tenant()
    {
        var store = CreateStore();
        var (contacts, keys) = await VariedAsync(TenantA, 5, seed: 9).ConfigureAwait(false);
        await store.BulkInsertAsync(TenantA, BatchOf(contacts, keys), CancellationToken.None).ConfigureAwait(false);

        (await ListAllAsync(store, TenantB).ConfigureAwait(false)).Should().BeEmpty();
        foreach (var contact in contacts)
        {
            (await store.FindByIdAsync(TenantB, contact.Id, CancellationToken.None).ConfigureAwait(false)).Should().BeNull();
        }

        foreach (var key in keys)
        {
            (await store.FindIdByIdempotencyKeyAsync(TenantB, key.Key, CancellationToken.None).ConfigureAwait(false)).Should().BeNull();
        }

        var allKeys = contacts.SelectMany(DuplicateKeys.For).Distinct().ToArray();
        (await store.FindByDuplicateKeysAsync(TenantB, allKeys, 10, CancellationToken.None).ConfigureAwait(false)).Should().AllSatisfy(m => m.ContactIds.Should().BeEmpty());

        var (others, _) = await VariedAsync(TenantB, 2, seed: 10).ConfigureAwait(false);
        var mixed = async () => await store.BulkInsertAsync(TenantB, new ContactChangeSet { Created = [.. others, (await NewContactAsync(TenantA, "a@example.com").ConfigureAwait(false))] }, CancellationToken.None).ConfigureAwait(false);
        await mixed.Should().ThrowAsync<ArgumentException>().ConfigureAwait(false);
        (await ListAllAsync(store, TenantB).ConfigureAwait(false)).Should().BeEmpty();
    }

    /// <summary>A change set that does more than create (here: an update) is refused by a bulk insert with nothing written.</summary>
    [Fact]
    public async Task A_bulk_insert_refuses_a_change_set_that_does_more_than_create()
    {
        var store = CreateStore();
        var stored = await NewContactAsync(TenantA, "stored@example.com").ConfigureAwait(false);
        await SaveAsync(store, TenantA, new ContactChangeSet { Created = [stored] }).ConfigureAwait(false);
        var changed = await ChangedAsync(stored, "changed").ConfigureAwait(false);
        var fresh = await NewContactAsync(TenantA, "fresh@example.com").ConfigureAwait(false);

        var act = async () => await store.BulkInsertAsync(TenantA, new ContactChangeSet { Created = [fresh], Updated = [new ContactUpdate(changed, stored.ConcurrencyStamp)] }, CancellationToken.None).ConfigureAwait(false);

        await act.Should().ThrowAsync<ArgumentException>().ConfigureAwait(false);
        (await store.FindByIdAsync(TenantA, fresh.Id, CancellationToken.None).ConfigureAwait(false)).Should().BeNull();
        (await store.FindByIdAsync(TenantA, stored.Id, CancellationToken.None).ConfigureAwait(false))!.ConcurrencyStamp.Should().Be(stored.ConcurrencyStamp);
    }

    private ContactChangeSet BatchOf(IReadOnlyList<Contact> contacts, IReadOnlyList<ContactIdempotencyKey> keys)
        => new() { Created = contacts, IdempotencyKeys = keys, Events = Created(contacts) };

    private CrmEvent[] Created(IReadOnlyList<Contact> contacts)
        => [.. contacts.Select(c => EventIds.Identify(new ContactCreated(c.TenantId, c.CreatedAt, c.Id, c.Origin)))];

    /// <summary>After a refused bulk insert: of <paramref name="contacts"/> only <paramref name="keep"/> (stored before) exists, no key of the batch is recorded, and the outbox holds only events written before.</summary>
    private async Task ShouldHoldOnlyAsync(TStore store, IReadOnlyList<Contact> contacts, Contact keep, IReadOnlyList<ContactIdempotencyKey> keys)
    {
        (await ListAllAsync(store, TenantA).ConfigureAwait(false)).Select(c => c.Id).Should().Equal(keep.Id);
        foreach (var key in keys)
        {
            (await store.FindIdByIdempotencyKeyAsync(TenantA, key.Key, CancellationToken.None).ConfigureAwait(false)).Should().BeNull();
        }

        var claimed = await store.ClaimAsync(100, Clock.GetCurrentInstant(), Clock.GetCurrentInstant() + Duration.FromMinutes(1), CancellationToken.None).ConfigureAwait(false);
        claimed.Should().BeEmpty("the refused batch wrote no event, and the stored contact was saved without one");
        var batchKeys = contacts.Where(c => c.Id != keep.Id).SelectMany(DuplicateKeys.For).Except(DuplicateKeys.For(keep)).Distinct().ToArray();
        if (batchKeys.Length > 0)
        {
            (await store.FindByDuplicateKeysAsync(TenantA, batchKeys, 10, CancellationToken.None).ConfigureAwait(false)).Should().AllSatisfy(m => m.ContactIds.Should().BeEmpty());
        }
    }

    /// <summary>Varied new contacts of <paramref name="tenant"/> (every field a draft can carry, at random) and the idempotency keys their drafts name.</summary>
    private static async Task<(IReadOnlyList<Contact> Contacts, IReadOnlyList<ContactIdempotencyKey> Keys)> VariedAsync(TenantId tenant, int count, int seed)
    {
        var random = new RandomContacts(seed);
        var scratch = new ContactManager(new InMemoryContactStore(), CrmTestClock.Create(), new SequentialEventIdGenerator(), NullLogger<ContactManager>.Instance, Options.Create(new ContactOptions { DefaultPhoneRegion = "GB" }));
        var contacts = new List<Contact>();
        var keys = new List<ContactIdempotencyKey>();
        for (var i = 0; i < count; i++)
        {
            var draft = random.NextDraft(i);
            var contact = await scratch.CreateAsync(tenant, draft).ConfigureAwait(false);
            contacts.Add(contact);
            if (draft.IdempotencyKey is { } key)
            {
                keys.Add(new ContactIdempotencyKey(key, contact.Id, contact.CreatedAt));
            }
        }

        return (contacts, keys);
    }
}
