using Crm.Contacts.InMemory;
using Crm.Contacts.Storage;
using Crm.Events;
using Crm.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime.Testing;
using NodaTime;

namespace Crm.Contacts.Tests.Storage;

/// <summary>
/// The behaviour every <see cref="IContactStore"/> must have. A store's test class derives from it and implements
/// <see cref="CreateStore"/>; the in-memory store runs it in <c>InMemoryContactStoreTests</c>, and other stores (EF Core)
/// subclass it the same way. It uses only the public API: contacts are built by a <see cref="ContactManager"/> over a
/// scratch in-memory store and then written to the store under test.
/// </summary>
public abstract class ContactStoreSpecification
{
    protected static readonly TenantId TenantA = new("spec-tenant-a");
    protected static readonly TenantId TenantB = new("spec-tenant-b");

    private readonly ContactManager _factory = new(
        new InMemoryContactStore(),
        new FakeClock(Instant.FromUtc(2025, 1, 1, 0, 0), Duration.FromSeconds(1)),
        new TestSupport.SequentialEventIds(),
        NullLogger<ContactManager>.Instance,
        Options.Create(new ContactOptions()));

    /// <summary>Creates an empty store under test.</summary>
    protected abstract IContactStore CreateStore();

    /// <summary>A new contact snapshot, not yet in the store under test.</summary>
    protected Task<Contact> NewContactAsync(TenantId tenant, string email = "spec@example.com")
        => _factory.CreateAsync(tenant, new ContactDraft { Emails = [email], Name = new Crm.Contacts.Profile.PersonName("Spec Person") });

    /// <summary>A changed copy of <paramref name="contact"/> with a new stamp (the old stamp is <paramref name="contact"/>'s).</summary>
    protected Task<Contact> ChangedAsync(Contact contact, string tag)
        => _factory.UpdateAsync(contact.TenantId, contact.Id, contact.ConcurrencyStamp, e => e.AddTag(tag));

    private static ValueTask SaveAsync(IContactStore store, TenantId tenant, ContactChangeSet changes)
        => store.SaveAsync(tenant, changes, CancellationToken.None);

    [Fact]
    public async Task Created_contact_can_be_found_with_every_field()
    {
        var store = CreateStore();
        var contact = await NewContactAsync(TenantA);
        await SaveAsync(store, TenantA, new ContactChangeSet { Created = [contact] });

        var found = await store.FindByIdAsync(TenantA, contact.Id, CancellationToken.None);
        found.Should().NotBeNull();
        found!.Id.Should().Be(contact.Id);
        found.TenantId.Should().Be(TenantA);
        found.ConcurrencyStamp.Should().Be(contact.ConcurrencyStamp);
        found.Emails.Should().Equal(contact.Emails);
        found.Name.Should().Be(contact.Name);
        found.CreatedAt.Should().Be(contact.CreatedAt);
        found.Stage.Should().Be(contact.Stage);
    }

    [Fact]
    public async Task Unknown_id_is_not_found_and_an_empty_tenant_lists_nothing()
    {
        var store = CreateStore();
        (await store.FindByIdAsync(TenantA, ContactId.New(), CancellationToken.None)).Should().BeNull();
        var page = await store.ListAsync(TenantA, PageRequest.First(), CancellationToken.None);
        page.Items.Should().BeEmpty();
        page.NextCursor.Should().BeNull();
    }

    [Theory]
    [InlineData(23, 5)]
    [InlineData(20, 5)]
    [InlineData(7, 1)]
    [InlineData(3, 10)]
    public async Task Keyset_paging_returns_every_contact_once_in_id_order(int count, int pageSize)
    {
        var store = CreateStore();
        var created = new List<Contact>();
        for (var i = 0; i < count; i++)
        {
            created.Add(await NewContactAsync(TenantA, $"p{i}@example.com"));
        }

        // Saved in scrambled order, in two change sets, to prove the order comes from the ids.
        var scrambled = created.OrderBy(c => c.Id.Value.GetHashCode()).ToList();
        await SaveAsync(store, TenantA, new ContactChangeSet { Created = scrambled.Take(count / 2).ToList() });
        await SaveAsync(store, TenantA, new ContactChangeSet { Created = scrambled.Skip(count / 2).ToList() });

        var seen = new List<ContactId>();
        var pages = 0;
        string? cursor = null;
        do
        {
            var page = await store.ListAsync(TenantA, new PageRequest(pageSize, cursor), CancellationToken.None);
            page.Items.Count.Should().BeLessThanOrEqualTo(pageSize);
            if (page.NextCursor is not null)
            {
                page.Items.Should().HaveCount(pageSize, "only the last page may be short");
            }

            seen.AddRange(page.Items.Select(c => c.Id));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null && pages <= count + 1);

        seen.Should().Equal(created.Select(c => c.Id).Order());
        pages.Should().Be(Math.Max(1, (count + pageSize - 1) / pageSize));
    }

    [Fact]
    public async Task A_cursor_the_store_did_not_produce_is_rejected()
    {
        var store = CreateStore();
        var act = async () => await store.ListAsync(TenantA, PageRequest.After("not-a-cursor"), CancellationToken.None);
        await act.Should().ThrowAsync<ArgumentException>();
    }

    [Fact]
    public async Task Update_with_the_current_stamp_replaces_the_contact()
    {
        var store = CreateStore();
        var contact = await NewContactAsync(TenantA);
        await SaveAsync(store, TenantA, new ContactChangeSet { Created = [contact] });
        var changed = await ChangedAsync(contact, "gold");

        await SaveAsync(store, TenantA, new ContactChangeSet { Updated = [new ContactUpdate(changed, contact.ConcurrencyStamp)] });

        var found = await store.FindByIdAsync(TenantA, contact.Id, CancellationToken.None);
        found!.ConcurrencyStamp.Should().Be(changed.ConcurrencyStamp);
        found.Tags.Should().Contain("gold");
    }

    [Fact]
    public async Task Update_with_a_stale_stamp_conflicts_and_changes_nothing()
    {
        var store = CreateStore();
        var contact = await NewContactAsync(TenantA);
        await SaveAsync(store, TenantA, new ContactChangeSet { Created = [contact] });
        var first = await ChangedAsync(contact, "first");
        await SaveAsync(store, TenantA, new ContactChangeSet { Updated = [new ContactUpdate(first, contact.ConcurrencyStamp)] });
        var second = await ChangedAsync(first, "second");

        // Based on the original snapshot, whose stamp is now stale.
        var act = async () => await SaveAsync(store, TenantA, new ContactChangeSet { Updated = [new ContactUpdate(second, contact.ConcurrencyStamp)] });

        await act.Should().ThrowAsync<ConcurrencyConflictException>();
        var found = await store.FindByIdAsync(TenantA, contact.Id, CancellationToken.None);
        found!.ConcurrencyStamp.Should().Be(first.ConcurrencyStamp);
        found.Tags.Should().NotContain("second");
    }

    [Fact]
    public async Task Update_of_a_contact_that_does_not_exist_conflicts()
    {
        var store = CreateStore();
        var contact = await NewContactAsync(TenantA);
        var changed = await ChangedAsync(contact, "x");
        var act = async () => await SaveAsync(store, TenantA, new ContactChangeSet { Updated = [new ContactUpdate(changed, contact.ConcurrencyStamp)] });
        await act.Should().ThrowAsync<ConcurrencyConflictException>();
        (await store.FindByIdAsync(TenantA, contact.Id, CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task A_change_set_with_one_bad_item_writes_nothing()
    {
        var store = CreateStore();
        var existing = await NewContactAsync(TenantA, "existing@example.com");
        await SaveAsync(store, TenantA, new ContactChangeSet { Created = [existing] });
        var fresh1 = await NewContactAsync(TenantA, "fresh1@example.com");
        var fresh2 = await NewContactAsync(TenantA, "fresh2@example.com");
        var goodUpdate = await ChangedAsync(existing, "good");
        var orphan = await NewContactAsync(TenantA, "orphan@example.com");
        var badUpdate = await ChangedAsync(orphan, "bad"); // not in the store under test

        var act = async () => await SaveAsync(store, TenantA, new ContactChangeSet
        {
            Created = [fresh1, fresh2],
            Updated = [new ContactUpdate(goodUpdate, existing.ConcurrencyStamp), new ContactUpdate(badUpdate, orphan.ConcurrencyStamp)],
            IdempotencyKeys = [new ContactIdempotencyKey("key-1", fresh1.Id)],
        });

        await act.Should().ThrowAsync<ConcurrencyConflictException>();
        (await store.FindByIdAsync(TenantA, fresh1.Id, CancellationToken.None)).Should().BeNull();
        (await store.FindByIdAsync(TenantA, fresh2.Id, CancellationToken.None)).Should().BeNull();
        (await store.FindByIdAsync(TenantA, existing.Id, CancellationToken.None))!.ConcurrencyStamp.Should().Be(existing.ConcurrencyStamp);
        (await store.FindIdByIdempotencyKeyAsync(TenantA, "key-1", CancellationToken.None)).Should().BeNull();
        (await store.ListAsync(TenantA, PageRequest.First(), CancellationToken.None)).Items.Should().ContainSingle();
    }

    [Fact]
    public async Task Creating_an_id_that_exists_conflicts_and_writes_nothing()
    {
        var store = CreateStore();
        var contact = await NewContactAsync(TenantA);
        var other = await NewContactAsync(TenantA, "other@example.com");
        await SaveAsync(store, TenantA, new ContactChangeSet { Created = [contact] });

        var act = async () => await SaveAsync(store, TenantA, new ContactChangeSet { Created = [other, contact] });

        await act.Should().ThrowAsync<ConcurrencyConflictException>();
        (await store.FindByIdAsync(TenantA, other.Id, CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task Idempotency_keys_map_to_one_contact_per_tenant()
    {
        var store = CreateStore();
        var first = await NewContactAsync(TenantA);
        var second = await NewContactAsync(TenantA, "second@example.com");
        await SaveAsync(store, TenantA, new ContactChangeSet { Created = [first], IdempotencyKeys = [new ContactIdempotencyKey("order-42", first.Id)] });

        var act = async () => await SaveAsync(store, TenantA, new ContactChangeSet { Created = [second], IdempotencyKeys = [new ContactIdempotencyKey("order-42", second.Id)] });

        await act.Should().ThrowAsync<ConcurrencyConflictException>();
        (await store.FindIdByIdempotencyKeyAsync(TenantA, "order-42", CancellationToken.None)).Should().Be(first.Id);
        (await store.FindByIdAsync(TenantA, second.Id, CancellationToken.None)).Should().BeNull();
        (await store.FindIdByIdempotencyKeyAsync(TenantA, "ORDER-42", CancellationToken.None)).Should().BeNull("keys compare ordinally");
        (await store.FindIdByIdempotencyKeyAsync(TenantB, "order-42", CancellationToken.None)).Should().BeNull("keys are per tenant");
    }

    [Fact]
    public async Task A_tenant_never_sees_or_changes_another_tenants_contacts()
    {
        var store = CreateStore();
        var contactA = await NewContactAsync(TenantA);
        await SaveAsync(store, TenantA, new ContactChangeSet { Created = [contactA] });

        (await store.FindByIdAsync(TenantB, contactA.Id, CancellationToken.None)).Should().BeNull();
        (await store.ListAsync(TenantB, PageRequest.First(), CancellationToken.None)).Items.Should().BeEmpty();

        var changed = await ChangedAsync(contactA, "hijack");
        var updateViaB = async () => await SaveAsync(store, TenantB, new ContactChangeSet { Updated = [new ContactUpdate(changed, contactA.ConcurrencyStamp)] });
        var createViaB = async () => await SaveAsync(store, TenantB, new ContactChangeSet { Created = [await NewContactAsync(TenantA, "x@example.com")] });

        await updateViaB.Should().ThrowAsync<Exception>();
        await createViaB.Should().ThrowAsync<Exception>();
        (await store.FindByIdAsync(TenantA, contactA.Id, CancellationToken.None))!.ConcurrencyStamp.Should().Be(contactA.ConcurrencyStamp);
        (await store.ListAsync(TenantB, PageRequest.First(), CancellationToken.None)).Items.Should().BeEmpty();
    }

    [Fact]
    public async Task The_empty_tenant_is_rejected_everywhere()
    {
        var store = CreateStore();
        await FluentActions.Awaiting(async () => await store.FindByIdAsync(default, ContactId.New(), CancellationToken.None)).Should().ThrowAsync<ArgumentException>();
        await FluentActions.Awaiting(async () => await store.ListAsync(default, PageRequest.First(), CancellationToken.None)).Should().ThrowAsync<ArgumentException>();
        await FluentActions.Awaiting(async () => await store.FindIdByIdempotencyKeyAsync(default, "k", CancellationToken.None)).Should().ThrowAsync<ArgumentException>();
        await FluentActions.Awaiting(async () => await store.SaveAsync(default, new ContactChangeSet { Created = [await NewContactAsync(TenantA)] }, CancellationToken.None)).Should().ThrowAsync<ArgumentException>();
    }
}
