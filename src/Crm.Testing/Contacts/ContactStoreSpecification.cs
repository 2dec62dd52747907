using System.Text;
using System.Text.Json.Nodes;
using Crm.Contacts;
using Crm.Contacts.Consent;
using Crm.Contacts.Lifecycle;
using Crm.Contacts.Privacy;
using Crm.Contacts.Serialization;
using Crm.Contacts.Storage;
using Crm.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Crm.Testing.Contacts;

/// <summary>
/// The behaviour every <see cref="IContactStore"/> must have, tested through the public API as a host uses it: through
/// <see cref="ContactManager"/> and through change sets written directly. A store's test class derives from it and
/// implements <see cref="ContactSpecificationBase{TStore}.CreateStore"/>.
/// </summary>
/// <remarks>
/// The optional capabilities have their own specifications, which a store's tests inherit only for the capabilities the
/// store implements (the type constraint makes it impossible to inherit one for a capability the store lacks):
/// <see cref="ReferralStoreSpecification{TStore}"/>, <see cref="ReferralAnalyticsSpecification{TStore}"/>,
/// <see cref="DuplicateIndexSpecification{TStore}"/>, <see cref="UniqueKeysSpecification{TStore}"/>,
/// <see cref="MergeHistorySpecification{TStore}"/>, <see cref="VersionCounterStoreSpecification{TStore}"/>,
/// <see cref="IdempotencyKeyPurgeSpecification{TStore}"/>, <see cref="ContactOutboxSpecification{TStore}"/> and
/// <see cref="OutboxDeliverySpecification{TStore}"/>.
/// </remarks>
public abstract class ContactStoreSpecification : ContactSpecificationBase<IContactStore>
{
    // ---- Every field round-trips -------------------------------------------------------------------------------------

    /// <summary>Contacts with generated values in every field (created from random drafts, edited, consent granted, confirmed and withdrawn, churned with a reason and reactivated, all through the manager) read back from the store exactly as written.</summary>
    [Theory]
    [InlineData(20250101)]
    [InlineData(42)]
    [InlineData(7)]
    public async Task Generated_contacts_round_trip_every_field(int seed)
    {
        var store = CreateStore();
        var manager = CreateManager(store);
        var random = new RandomContacts(seed);
        var written = new List<Contact>();
        for (var i = 0; i < 12; i++)
        {
            var contact = await manager.CreateAsync(TenantA, random.NextDraft(i)).ConfigureAwait(false);
            if (i % 2 == 0)
            {
                contact = await manager.UpdateAsync(TenantA, contact.Id, contact.ConcurrencyStamp, random.NextEdit(contact)).ConfigureAwait(false);
            }

            if (i % 3 == 0)
            {
                var address = contact.PrimaryEmail is { } email ? ConsentAddress.ForEmail(email) : ConsentAddress.Any;
                contact = await manager.GrantConsentAsync(TenantA, contact.Id, contact.ConcurrencyStamp, random.NextPurpose(), address, LawfulBasis.LegitimateInterests, "spec-form").ConfigureAwait(false);
            }

            if (i % 4 == 1)
            {
                // Double opt-in: granted (pending), confirmed, and for some withdrawn again.
                var purpose = random.NextPurpose();
                contact = await manager.GrantConsentAsync(TenantA, contact.Id, contact.ConcurrencyStamp, purpose, ConsentAddress.Any, LawfulBasis.Consent, "spec-signup").ConfigureAwait(false);
                contact = await manager.ConfirmConsentAsync(TenantA, contact.Id, contact.ConcurrencyStamp, purpose, ConsentAddress.Any, "spec-confirmation-link").ConfigureAwait(false);
                if (i % 8 == 1)
                {
                    contact = await manager.WithdrawConsentAsync(TenantA, contact.Id, contact.ConcurrencyStamp, purpose, ConsentAddress.Any, "spec-unsubscribe").ConfigureAwait(false);
                }
            }

            if (contact.Stage != LifecycleStage.Customer && LifecycleRules.IsAllowed(contact.Stage, LifecycleStage.Customer))
            {
                contact = await manager.ChangeStageAsync(TenantA, contact.Id, contact.ConcurrencyStamp, LifecycleStage.Customer).ConfigureAwait(false);
            }

            if (i % 5 == 2)
            {
                contact = await manager.ChangeStageAsync(TenantA, contact.Id, contact.ConcurrencyStamp, LifecycleStage.Churned, new ChurnReason("price", "found it cheaper elsewhere")).ConfigureAwait(false);
                contact = await manager.ChangeStageAsync(TenantA, contact.Id, contact.ConcurrencyStamp, LifecycleStage.Reactivated).ConfigureAwait(false);
            }

            written.Add(contact);
        }

        foreach (var contact in written)
        {
            ContactSnapshots.ShouldBeSameSnapshot(await store.FindByIdAsync(TenantA, contact.Id, CancellationToken.None).ConfigureAwait(false), contact);
            ContactSnapshots.ShouldBeSameSnapshot(await manager.GetAsync(TenantA, contact.Id).ConfigureAwait(false), contact);
        }

        var listed = await ListAllAsync(store, TenantA, pageSize: 5).ConfigureAwait(false);
        listed.Select(c => c.Id).Should().Equal(written.Select(c => c.Id).Order());
        foreach (var contact in listed)
        {
            ContactSnapshots.ShouldBeSameSnapshot(contact, written.Single(w => w.Id == contact.Id));
        }
    }

    /// <summary>An erased contact (GDPR erasure through <see cref="PersonalDataManager"/>) is stored as erased: its personal data is gone when read back, its id and history of status remain.</summary>
    [Fact]
    public async Task An_erased_contact_reads_back_without_its_personal_data()
    {
        var store = CreateStore();
        var manager = CreateManager(store);
        var contact = await manager.CreateAsync(TenantA, new ContactDraft
        {
            Name = new Crm.Contacts.Profile.PersonName("Erin Erase"),
            Emails = ["erin@example.com"],
            PhoneNumbers = ["+44 20 7946 0999"],
            Birthday = new Crm.Contacts.Profile.Birthday(2, 29, 1988),
            Birthplace = "Leeds",
        }).ConfigureAwait(false);
        var privacy = new PersonalDataManager([new ContactPersonalDataContributor(store, Clock)], Clock, store, EventIds, NullLogger<PersonalDataManager>.Instance);

        await privacy.EraseAsync(TenantA, contact.Id).ConfigureAwait(false);

        var erased = await manager.GetAsync(TenantA, contact.Id).ConfigureAwait(false);
        erased.Status.Should().Be(ContactStatus.Erased);
        erased.StatusChangedAt.Should().NotBeNull();
        erased.ConcurrencyStamp.Should().NotBe(contact.ConcurrencyStamp);
        erased.Name.Should().BeNull();
        erased.Emails.Should().BeEmpty();
        erased.PhoneNumbers.Should().BeEmpty();
        erased.Birthday.Should().BeNull();
        erased.Birthplace.Should().BeNull();
        ContactSnapshots.ShouldBeSameSnapshot(await store.FindByIdAsync(TenantA, contact.Id, CancellationToken.None).ConfigureAwait(false), erased);
    }

    /// <summary>A contact written in a change set is found with every field.</summary>
    [Fact]
    public async Task Created_contact_can_be_found_with_every_field()
    {
        var store = CreateStore();
        var contact = await NewContactAsync(TenantA).ConfigureAwait(false);
        await SaveAsync(store, TenantA, new ContactChangeSet { Created = [contact] }).ConfigureAwait(false);

        ContactSnapshots.ShouldBeSameSnapshot(await store.FindByIdAsync(TenantA, contact.Id, CancellationToken.None).ConfigureAwait(false), contact);
    }

    // ---- Create, read, update, not found -----------------------------------------------------------------------------

    /// <summary>Create, read and update through the manager: each update gets a new stamp and is read back.</summary>
    [Fact]
    public async Task Create_read_and_update_through_the_manager()
    {
        var store = CreateStore();
        var manager = CreateManager(store);
        var created = await manager.CreateAsync(TenantA, Draft("crud@example.com")).ConfigureAwait(false);
        ContactSnapshots.ShouldBeSameSnapshot(await manager.GetAsync(TenantA, created.Id).ConfigureAwait(false), created);

        var updated = await manager.UpdateAsync(TenantA, created.Id, created.ConcurrencyStamp, e => e.AddTag("gold")).ConfigureAwait(false);

        updated.ConcurrencyStamp.Should().NotBe(created.ConcurrencyStamp);
        var read = await manager.GetAsync(TenantA, created.Id).ConfigureAwait(false);
        ContactSnapshots.ShouldBeSameSnapshot(read, updated);
        read.Tags.Should().Contain("gold");
        (await manager.ListAsync(TenantA, PageRequest.First()).ConfigureAwait(false)).Items.Should().ContainSingle(c => c.Id == created.Id);
    }

    /// <summary>An unknown id: the manager's Get throws <see cref="ContactNotFoundException"/>, Find returns null, and the store finds nothing.</summary>
    [Fact]
    public async Task Unknown_id_is_not_found_and_an_empty_tenant_lists_nothing()
    {
        var store = CreateStore();
        var manager = CreateManager(store);
        var unknown = ContactId.New();
        (await store.FindByIdAsync(TenantA, unknown, CancellationToken.None).ConfigureAwait(false)).Should().BeNull();
        (await manager.FindAsync(TenantA, unknown).ConfigureAwait(false)).Should().BeNull();
        await FluentActions.Awaiting(() => manager.GetAsync(TenantA, unknown)).Should().ThrowAsync<ContactNotFoundException>().ConfigureAwait(false);
        await FluentActions.Awaiting(() => manager.UpdateAsync(TenantA, unknown, ConcurrencyStamp.New(), e => e.AddTag("x"))).Should().ThrowAsync<ContactNotFoundException>().ConfigureAwait(false);
        var page = await store.ListAsync(TenantA, PageRequest.First(), CancellationToken.None).ConfigureAwait(false);
        page.Items.Should().BeEmpty();
        page.NextCursor.Should().BeNull();
    }

    // ---- Keyset paging -----------------------------------------------------------------------------------------------

    /// <summary>Paging returns every contact once, in id order, whatever order they were written in.</summary>
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
            created.Add(await NewContactAsync(TenantA, $"p{i}@example.com").ConfigureAwait(false));
        }

        // Saved in scrambled order, in two change sets, to prove the order comes from the ids.
        var scrambled = created.OrderBy(c => c.Id.Value.GetHashCode()).ToList();
        await SaveAsync(store, TenantA, new ContactChangeSet { Created = scrambled.Take(count / 2).ToList() }).ConfigureAwait(false);
        await SaveAsync(store, TenantA, new ContactChangeSet { Created = scrambled.Skip(count / 2).ToList() }).ConfigureAwait(false);

        var seen = new List<ContactId>();
        var pages = 0;
        string? cursor = null;
        do
        {
            var page = await store.ListAsync(TenantA, new PageRequest(pageSize, cursor), CancellationToken.None).ConfigureAwait(false);
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

    /// <summary>While other writers insert contacts, a reader paging through the tenant sees every contact that existed when it started exactly once, in strictly ascending id order, and never an item twice.</summary>
    [Fact]
    public async Task Keyset_paging_stays_stable_and_complete_while_contacts_are_inserted_concurrently()
    {
        var store = CreateStore();
        var manager = CreateManager(store);
        var existing = new List<ContactId>();
        for (var i = 0; i < 40; i++)
        {
            existing.Add((await manager.CreateAsync(TenantA, Draft($"before{i}@example.com")).ConfigureAwait(false)).Id);
        }

        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 2).Select(w => Task.Run(async () =>
        {
            var inserted = 0;
            while (!stop.IsCancellationRequested && inserted < 200)
            {
                await manager.CreateAsync(TenantA, Draft($"during{w}.{inserted++}@example.com")).ConfigureAwait(false);
            }
        })).ToList();

        var seen = new List<ContactId>();
        string? cursor = null;
        do
        {
            var page = await manager.ListAsync(TenantA, new PageRequest(6, cursor)).ConfigureAwait(false);
            seen.AddRange(page.Items.Select(c => c.Id));
            cursor = page.NextCursor;

            // Also insert between pages, so the interleaving happens even when the writers are not scheduled.
            await manager.CreateAsync(TenantA, Draft($"between{seen.Count}@example.com")).ConfigureAwait(false);
        }
        while (cursor is not null);

        await stop.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(writers).ConfigureAwait(false);

        seen.Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        seen.Should().Contain(existing, "a contact that existed before paging started is never skipped");
        var all = await ListAllAsync(store, TenantA).ConfigureAwait(false);
        all.Select(c => c.Id).Should().Contain(seen, "every contact seen is stored");
    }

    /// <summary>A cursor the store did not produce is rejected with <see cref="ArgumentException"/>.</summary>
    [Fact]
    public async Task A_cursor_the_store_did_not_produce_is_rejected()
    {
        var store = CreateStore();
        var act = async () => await store.ListAsync(TenantA, PageRequest.After("not-a-cursor"), CancellationToken.None).ConfigureAwait(false);
        await act.Should().ThrowAsync<ArgumentException>().ConfigureAwait(false);
    }

    // ---- Optimistic concurrency --------------------------------------------------------------------------------------

    /// <summary>An update guarded by the current stamp replaces the contact.</summary>
    [Fact]
    public async Task Update_with_the_current_stamp_replaces_the_contact()
    {
        var store = CreateStore();
        var contact = await NewContactAsync(TenantA).ConfigureAwait(false);
        await SaveAsync(store, TenantA, new ContactChangeSet { Created = [contact] }).ConfigureAwait(false);
        var changed = await ChangedAsync(contact, "gold").ConfigureAwait(false);

        await SaveAsync(store, TenantA, new ContactChangeSet { Updated = [new ContactUpdate(changed, contact.ConcurrencyStamp)] }).ConfigureAwait(false);

        var found = await store.FindByIdAsync(TenantA, contact.Id, CancellationToken.None).ConfigureAwait(false);
        found!.ConcurrencyStamp.Should().Be(changed.ConcurrencyStamp);
        found.Tags.Should().Contain("gold");
    }

    /// <summary>An update guarded by a stale stamp throws <see cref="ConcurrencyConflictException"/> and changes nothing.</summary>
    [Fact]
    public async Task Update_with_a_stale_stamp_conflicts_and_changes_nothing()
    {
        var store = CreateStore();
        var contact = await NewContactAsync(TenantA).ConfigureAwait(false);
        await SaveAsync(store, TenantA, new ContactChangeSet { Created = [contact] }).ConfigureAwait(false);
        var first = await ChangedAsync(contact, "first").ConfigureAwait(false);
        await SaveAsync(store, TenantA, new ContactChangeSet { Updated = [new ContactUpdate(first, contact.ConcurrencyStamp)] }).ConfigureAwait(false);
        var second = await ChangedAsync(first, "second").ConfigureAwait(false);

        // Based on the original snapshot, whose stamp is now stale.
        var act = async () => await SaveAsync(store, TenantA, new ContactChangeSet { Updated = [new ContactUpdate(second, contact.ConcurrencyStamp)] }).ConfigureAwait(false);

        await act.Should().ThrowAsync<ConcurrencyConflictException>().ConfigureAwait(false);
        var found = await store.FindByIdAsync(TenantA, contact.Id, CancellationToken.None).ConfigureAwait(false);
        found!.ConcurrencyStamp.Should().Be(first.ConcurrencyStamp);
        found.Tags.Should().NotContain("second");
    }

    /// <summary>Through the manager: an update made from a stamp that another update has replaced conflicts and changes nothing.</summary>
    [Fact]
    public async Task A_stale_write_through_the_manager_conflicts_and_changes_nothing()
    {
        var store = CreateStore();
        var manager = CreateManager(store);
        var original = await manager.CreateAsync(TenantA, Draft()).ConfigureAwait(false);
        var first = await manager.UpdateAsync(TenantA, original.Id, original.ConcurrencyStamp, e => e.AddTag("first")).ConfigureAwait(false);

        var stale = () => manager.UpdateAsync(TenantA, original.Id, original.ConcurrencyStamp, e => e.AddTag("stale"));

        await stale.Should().ThrowAsync<ConcurrencyConflictException>().ConfigureAwait(false);
        ContactSnapshots.ShouldBeSameSnapshot(await manager.GetAsync(TenantA, original.Id).ConfigureAwait(false), first);
    }

    /// <summary>Of N writers that update one contact in parallel from the same stamp, exactly one wins; the others conflict, and the stored contact is the winner's.</summary>
    [Theory]
    [InlineData(2)]
    [InlineData(8)]
    [InlineData(32)]
    public async Task Of_parallel_writers_from_one_stamp_exactly_one_wins(int writers)
    {
        var store = CreateStore();
        var manager = CreateManager(store);
        var original = await manager.CreateAsync(TenantA, Draft()).ConfigureAwait(false);

        using var start = new ManualResetEventSlim(false);
        var attempts = Enumerable.Range(0, writers).Select(i => Task.Run(async () =>
        {
            start.Wait();
            try
            {
                return (Winner: await manager.UpdateAsync(TenantA, original.Id, original.ConcurrencyStamp, e => e.AddTag($"writer{i}")).ConfigureAwait(false), Conflict: false);
            }
            catch (ConcurrencyConflictException)
            {
                return (Winner: (Contact?)null, Conflict: true);
            }
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(attempts).ConfigureAwait(false);

        results.Count(r => !r.Conflict).Should().Be(1, "exactly one writer wins");
        results.Count(r => r.Conflict).Should().Be(writers - 1);
        var winner = results.Single(r => !r.Conflict).Winner!;
        var stored = await manager.GetAsync(TenantA, original.Id).ConfigureAwait(false);
        ContactSnapshots.ShouldBeSameSnapshot(stored, winner);
        stored.Tags.Count(t => t.StartsWith("writer", StringComparison.Ordinal)).Should().Be(1);
    }

    /// <summary>Updating a contact that is not stored conflicts and creates nothing.</summary>
    [Fact]
    public async Task Update_of_a_contact_that_does_not_exist_conflicts()
    {
        var store = CreateStore();
        var contact = await NewContactAsync(TenantA).ConfigureAwait(false);
        var changed = await ChangedAsync(contact, "x").ConfigureAwait(false);
        var act = async () => await SaveAsync(store, TenantA, new ContactChangeSet { Updated = [new ContactUpdate(changed, contact.ConcurrencyStamp)] }).ConfigureAwait(false);
        await act.Should().ThrowAsync<ConcurrencyConflictException>().ConfigureAwait(false);
        (await store.FindByIdAsync(TenantA, contact.Id, CancellationToken.None).ConfigureAwait(false)).Should().BeNull();
    }

    /// <summary>A change set with one failing guard writes none of its contacts, updates or keys.</summary>
    [Fact]
    public async Task A_change_set_with_one_bad_item_writes_nothing()
    {
        var store = CreateStore();
        var existing = await NewContactAsync(TenantA, "existing@example.com").ConfigureAwait(false);
        await SaveAsync(store, TenantA, new ContactChangeSet { Created = [existing] }).ConfigureAwait(false);
        var fresh1 = await NewContactAsync(TenantA, "fresh1@example.com").ConfigureAwait(false);
        var fresh2 = await NewContactAsync(TenantA, "fresh2@example.com").ConfigureAwait(false);
        var goodUpdate = await ChangedAsync(existing, "good").ConfigureAwait(false);
        var orphan = await NewContactAsync(TenantA, "orphan@example.com").ConfigureAwait(false);
        var badUpdate = await ChangedAsync(orphan, "bad").ConfigureAwait(false); // not in the store under test

        var act = async () => await SaveAsync(store, TenantA, new ContactChangeSet
        {
            Created = [fresh1, fresh2],
            Updated = [new ContactUpdate(goodUpdate, existing.ConcurrencyStamp), new ContactUpdate(badUpdate, orphan.ConcurrencyStamp)],
            IdempotencyKeys = [new ContactIdempotencyKey("key-1", fresh1.Id, fresh1.CreatedAt)],
        }).ConfigureAwait(false);

        await act.Should().ThrowAsync<ConcurrencyConflictException>().ConfigureAwait(false);
        (await store.FindByIdAsync(TenantA, fresh1.Id, CancellationToken.None).ConfigureAwait(false)).Should().BeNull();
        (await store.FindByIdAsync(TenantA, fresh2.Id, CancellationToken.None).ConfigureAwait(false)).Should().BeNull();
        (await store.FindByIdAsync(TenantA, existing.Id, CancellationToken.None).ConfigureAwait(false))!.ConcurrencyStamp.Should().Be(existing.ConcurrencyStamp);
        (await store.FindIdByIdempotencyKeyAsync(TenantA, "key-1", CancellationToken.None).ConfigureAwait(false)).Should().BeNull();
        (await store.ListAsync(TenantA, PageRequest.First(), CancellationToken.None).ConfigureAwait(false)).Items.Should().ContainSingle();
    }

    /// <summary>Creating an id that already exists conflicts and writes nothing of the change set.</summary>
    [Fact]
    public async Task Creating_an_id_that_exists_conflicts_and_writes_nothing()
    {
        var store = CreateStore();
        var contact = await NewContactAsync(TenantA).ConfigureAwait(false);
        var other = await NewContactAsync(TenantA, "other@example.com").ConfigureAwait(false);
        await SaveAsync(store, TenantA, new ContactChangeSet { Created = [contact] }).ConfigureAwait(false);

        var act = async () => await SaveAsync(store, TenantA, new ContactChangeSet { Created = [other, contact] }).ConfigureAwait(false);

        await act.Should().ThrowAsync<ConcurrencyConflictException>().ConfigureAwait(false);
        (await store.FindByIdAsync(TenantA, other.Id, CancellationToken.None).ConfigureAwait(false)).Should().BeNull();
    }

    // ---- Idempotency keys --------------------------------------------------------------------------------------------

    /// <summary>A key maps to one contact per tenant, compared ordinally; a second change set with the key conflicts and writes nothing.</summary>
    [Fact]
    public async Task Idempotency_keys_map_to_one_contact_per_tenant()
    {
        var store = CreateStore();
        var first = await NewContactAsync(TenantA).ConfigureAwait(false);
        var second = await NewContactAsync(TenantA, "second@example.com").ConfigureAwait(false);
        await SaveAsync(store, TenantA, new ContactChangeSet { Created = [first], IdempotencyKeys = [new ContactIdempotencyKey("order-42", first.Id, first.CreatedAt)] }).ConfigureAwait(false);

        var act = async () => await SaveAsync(store, TenantA, new ContactChangeSet { Created = [second], IdempotencyKeys = [new ContactIdempotencyKey("order-42", second.Id, second.CreatedAt)] }).ConfigureAwait(false);

        await act.Should().ThrowAsync<ConcurrencyConflictException>().ConfigureAwait(false);
        (await store.FindIdByIdempotencyKeyAsync(TenantA, "order-42", CancellationToken.None).ConfigureAwait(false)).Should().Be(first.Id);
        (await store.FindByIdAsync(TenantA, second.Id, CancellationToken.None).ConfigureAwait(false)).Should().BeNull();
        (await store.FindIdByIdempotencyKeyAsync(TenantA, "ORDER-42", CancellationToken.None).ConfigureAwait(false)).Should().BeNull("keys compare ordinally");
        (await store.FindIdByIdempotencyKeyAsync(TenantB, "order-42", CancellationToken.None).ConfigureAwait(false)).Should().BeNull("keys are per tenant");
    }

    /// <summary>Through the manager: repeating a create with the same key returns the first contact and stores one; the same key in another tenant creates another contact.</summary>
    [Fact]
    public async Task Creating_twice_with_one_idempotency_key_returns_the_first_contact()
    {
        var store = CreateStore();
        var manager = CreateManager(store);
        var draft = new ContactDraft { Emails = ["key@example.com"], IdempotencyKey = "3f2b1c9e-create" };

        var first = await manager.CreateAsync(TenantA, draft).ConfigureAwait(false);
        var again = await manager.CreateAsync(TenantA, draft).ConfigureAwait(false);
        var inB = await manager.CreateAsync(TenantB, draft).ConfigureAwait(false);

        again.Id.Should().Be(first.Id);
        inB.Id.Should().NotBe(first.Id);
        (await ListAllAsync(store, TenantA).ConfigureAwait(false)).Should().ContainSingle();
        (await store.FindIdByIdempotencyKeyAsync(TenantB, draft.IdempotencyKey, CancellationToken.None).ConfigureAwait(false)).Should().Be(inB.Id);
    }

    /// <summary>Parallel creates with one key store exactly one contact, and every caller gets it.</summary>
    [Fact]
    public async Task Parallel_creates_with_one_idempotency_key_store_one_contact()
    {
        var store = CreateStore();
        var manager = CreateManager(store);
        var draft = new ContactDraft { Emails = ["race@example.com"], IdempotencyKey = "race-key" };

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => manager.CreateAsync(TenantA, draft)))).ConfigureAwait(false);

        results.Select(c => c.Id).Distinct().Should().ContainSingle();
        (await ListAllAsync(store, TenantA).ConfigureAwait(false)).Should().ContainSingle();
    }

    // ---- Tenancy -----------------------------------------------------------------------------------------------------

    /// <summary>A tenant never sees or changes another tenant's contacts.</summary>
    [Fact]
    public async Task A_tenant_never_sees_or_changes_another_tenants_contacts()
    {
        var store = CreateStore();
        var contactA = await NewContactAsync(TenantA).ConfigureAwait(false);
        await SaveAsync(store, TenantA, new ContactChangeSet { Created = [contactA] }).ConfigureAwait(false);

        (await store.FindByIdAsync(TenantB, contactA.Id, CancellationToken.None).ConfigureAwait(false)).Should().BeNull();
        (await store.ListAsync(TenantB, PageRequest.First(), CancellationToken.None).ConfigureAwait(false)).Items.Should().BeEmpty();

        var changed = await ChangedAsync(contactA, "hijack").ConfigureAwait(false);
        var updateViaB = async () => await SaveAsync(store, TenantB, new ContactChangeSet { Updated = [new ContactUpdate(changed, contactA.ConcurrencyStamp)] }).ConfigureAwait(false);
        var createViaB = async () => await SaveAsync(store, TenantB, new ContactChangeSet { Created = [await NewContactAsync(TenantA, "x@example.com").ConfigureAwait(false)] }).ConfigureAwait(false);

        await updateViaB.Should().ThrowAsync<Exception>().ConfigureAwait(false);
        await createViaB.Should().ThrowAsync<Exception>().ConfigureAwait(false);
        (await store.FindByIdAsync(TenantA, contactA.Id, CancellationToken.None).ConfigureAwait(false))!.ConcurrencyStamp.Should().Be(contactA.ConcurrencyStamp);
        (await store.ListAsync(TenantB, PageRequest.First(), CancellationToken.None).ConfigureAwait(false)).Items.Should().BeEmpty();
    }

    /// <summary>The same contact id in two tenants names two independent contacts: each is read, updated and stamp-checked on its own.</summary>
    [Fact]
    public async Task The_same_id_in_two_tenants_names_two_independent_contacts()
    {
        var store = CreateStore();
        var manager = CreateManager(store);
        var inA = await manager.CreateAsync(TenantA, Draft("twin@example.com", "Twin A")).ConfigureAwait(false);
        var inB = InTenant(inA, TenantB);
        await SaveAsync(store, TenantB, new ContactChangeSet { Created = [inB] }).ConfigureAwait(false);

        var updatedA = await manager.UpdateAsync(TenantA, inA.Id, inA.ConcurrencyStamp, e => e.AddTag("a-only")).ConfigureAwait(false);

        var readB = await manager.GetAsync(TenantB, inA.Id).ConfigureAwait(false);
        ContactSnapshots.ShouldBeSameSnapshot(readB, inB);
        readB.Tags.Should().NotContain("a-only");

        // B's copy still has the stamp A had before its update: it guards B's record only.
        var updatedB = await manager.UpdateAsync(TenantB, inA.Id, inB.ConcurrencyStamp, e => e.AddTag("b-only")).ConfigureAwait(false);
        ContactSnapshots.ShouldBeSameSnapshot(await manager.GetAsync(TenantA, inA.Id).ConfigureAwait(false), updatedA);
        ContactSnapshots.ShouldBeSameSnapshot(await manager.GetAsync(TenantB, inA.Id).ConfigureAwait(false), updatedB);
        var staleInA = () => manager.UpdateAsync(TenantA, inA.Id, inA.ConcurrencyStamp, e => e.AddTag("stale"));
        await staleInA.Should().ThrowAsync<ConcurrencyConflictException>().ConfigureAwait(false);
    }

    /// <summary>The empty tenant is rejected by every store method.</summary>
    [Fact]
    public async Task The_empty_tenant_is_rejected_everywhere()
    {
        var store = CreateStore();
        await FluentActions.Awaiting(async () => await store.FindByIdAsync(default, ContactId.New(), CancellationToken.None).ConfigureAwait(false)).Should().ThrowAsync<ArgumentException>().ConfigureAwait(false);
        await FluentActions.Awaiting(async () => await store.ListAsync(default, PageRequest.First(), CancellationToken.None).ConfigureAwait(false)).Should().ThrowAsync<ArgumentException>().ConfigureAwait(false);
        await FluentActions.Awaiting(async () => await store.FindIdByIdempotencyKeyAsync(default, "k", CancellationToken.None).ConfigureAwait(false)).Should().ThrowAsync<ArgumentException>().ConfigureAwait(false);
        var contact = await NewContactAsync(TenantA).ConfigureAwait(false);
        await FluentActions.Awaiting(async () => await store.SaveAsync(default, new ContactChangeSet { Created = [contact] }, CancellationToken.None).ConfigureAwait(false)).Should().ThrowAsync<ArgumentException>().ConfigureAwait(false);
    }

    // ---- Cancellation ------------------------------------------------------------------------------------------------

    /// <summary>A cancelled token stops every store method with <see cref="OperationCanceledException"/>, and a cancelled save writes nothing.</summary>
    [Fact]
    public async Task A_cancelled_token_stops_every_store_call_and_writes_nothing()
    {
        var store = CreateStore();
        var contact = await NewContactAsync(TenantA).ConfigureAwait(false);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync().ConfigureAwait(false);

        await FluentActions.Awaiting(async () => await store.SaveAsync(TenantA, new ContactChangeSet { Created = [contact] }, cancelled.Token).ConfigureAwait(false)).Should().ThrowAsync<OperationCanceledException>().ConfigureAwait(false);
        await FluentActions.Awaiting(async () => await store.FindByIdAsync(TenantA, contact.Id, cancelled.Token).ConfigureAwait(false)).Should().ThrowAsync<OperationCanceledException>().ConfigureAwait(false);
        await FluentActions.Awaiting(async () => await store.ListAsync(TenantA, PageRequest.First(), cancelled.Token).ConfigureAwait(false)).Should().ThrowAsync<OperationCanceledException>().ConfigureAwait(false);
        await FluentActions.Awaiting(async () => await store.FindIdByIdempotencyKeyAsync(TenantA, "k", cancelled.Token).ConfigureAwait(false)).Should().ThrowAsync<OperationCanceledException>().ConfigureAwait(false);
        (await store.FindByIdAsync(TenantA, contact.Id, CancellationToken.None).ConfigureAwait(false)).Should().BeNull();
    }

    /// <summary>A manager operation with a cancelled token throws <see cref="OperationCanceledException"/> and writes nothing.</summary>
    [Fact]
    public async Task A_cancelled_manager_call_writes_nothing()
    {
        var store = CreateStore();
        var manager = CreateManager(store);
        var contact = await manager.CreateAsync(TenantA, Draft()).ConfigureAwait(false);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync().ConfigureAwait(false);

        await FluentActions.Awaiting(() => manager.CreateAsync(TenantA, Draft("other@example.com"), cancelled.Token)).Should().ThrowAsync<OperationCanceledException>().ConfigureAwait(false);
        await FluentActions.Awaiting(() => manager.UpdateAsync(TenantA, contact.Id, contact.ConcurrencyStamp, e => e.AddTag("x"), cancelled.Token)).Should().ThrowAsync<OperationCanceledException>().ConfigureAwait(false);

        (await ListAllAsync(store, TenantA).ConfigureAwait(false)).Should().ContainSingle();
        ContactSnapshots.ShouldBeSameSnapshot(await manager.GetAsync(TenantA, contact.Id).ConfigureAwait(false), contact);
    }

    // ---- Read guards ------------------------------------------------------------------------------------------------

    /// <summary>A change set guarded by a contact it only read conflicts when that contact has changed since (entity <c>contact</c>), and writes nothing of itself.</summary>
    [Fact]
    public async Task A_read_guard_on_a_contact_changed_since_conflicts_and_writes_nothing()
    {
        var store = CreateStore();
        var read = await NewContactAsync(TenantA, "read@example.com").ConfigureAwait(false);
        await SaveAsync(store, TenantA, new ContactChangeSet { Created = [read] }).ConfigureAwait(false);
        var changed = await ChangedAsync(read, "moved-on").ConfigureAwait(false);
        await SaveAsync(store, TenantA, new ContactChangeSet { Updated = [new ContactUpdate(changed, read.ConcurrencyStamp)] }).ConfigureAwait(false);
        var fresh = await NewContactAsync(TenantA, "fresh@example.com").ConfigureAwait(false);

        var act = async () => await SaveAsync(store, TenantA, new ContactChangeSet
        {
            Created = [fresh],
            IdempotencyKeys = [new ContactIdempotencyKey("read-guarded", fresh.Id, fresh.CreatedAt)],
            ContactsRead = [ContactReadGuard.For(read)],
            VersionChecks = [new VersionCheck("spec.counter:read-guarded", 0, advance: true)],
        }).ConfigureAwait(false);

        var conflict = (await act.Should().ThrowAsync<ConcurrencyConflictException>().ConfigureAwait(false)).Which;
        conflict.Entity.Should().Be("contact");
        conflict.Id.Should().Be(read.Id.ToString());
        (await store.FindByIdAsync(TenantA, fresh.Id, CancellationToken.None).ConfigureAwait(false)).Should().BeNull();
        (await store.FindIdByIdempotencyKeyAsync(TenantA, "read-guarded", CancellationToken.None).ConfigureAwait(false)).Should().BeNull();
        await SaveAsync(store, TenantA, new ContactChangeSet { VersionChecks = [new VersionCheck("spec.counter:read-guarded", 0, advance: false)] }).ConfigureAwait(false);
        ContactSnapshots.ShouldBeSameSnapshot(await store.FindByIdAsync(TenantA, read.Id, CancellationToken.None).ConfigureAwait(false), changed);
    }

    /// <summary>A read guard at the contact's current stamp passes, writes the rest of the change set, and leaves the read contact as it was.</summary>
    [Fact]
    public async Task A_read_guard_on_an_unchanged_contact_passes()
    {
        var store = CreateStore();
        var read = await NewContactAsync(TenantA, "read@example.com").ConfigureAwait(false);
        await SaveAsync(store, TenantA, new ContactChangeSet { Created = [read] }).ConfigureAwait(false);
        var fresh = await NewContactAsync(TenantA, "fresh@example.com").ConfigureAwait(false);

        await SaveAsync(store, TenantA, new ContactChangeSet { Created = [fresh], ContactsRead = [ContactReadGuard.For(read)] }).ConfigureAwait(false);

        (await store.FindByIdAsync(TenantA, fresh.Id, CancellationToken.None).ConfigureAwait(false)).Should().NotBeNull();
        ContactSnapshots.ShouldBeSameSnapshot(await store.FindByIdAsync(TenantA, read.Id, CancellationToken.None).ConfigureAwait(false), read);
    }

    /// <summary>A read guard on a contact that does not exist in the tenant (also one that exists only in another tenant) conflicts.</summary>
    [Fact]
    public async Task A_read_guard_on_a_missing_contact_conflicts()
    {
        var store = CreateStore();
        var elsewhere = await NewContactAsync(TenantB, "elsewhere@example.com").ConfigureAwait(false);
        await SaveAsync(store, TenantB, new ContactChangeSet { Created = [elsewhere] }).ConfigureAwait(false);
        var fresh = await NewContactAsync(TenantA, "fresh@example.com").ConfigureAwait(false);

        var act = async () => await SaveAsync(store, TenantA, new ContactChangeSet { Created = [fresh], ContactsRead = [ContactReadGuard.For(elsewhere)] }).ConfigureAwait(false);

        await act.Should().ThrowAsync<ConcurrencyConflictException>().ConfigureAwait(false);
        (await store.FindByIdAsync(TenantA, fresh.Id, CancellationToken.None).ConfigureAwait(false)).Should().BeNull();
    }

    // ---- Named version counters --------------------------------------------------------------------------------------

    /// <summary>A counter starts at 0; a change set that checks it at the current version and advances it moves it on by one, and one that expects an older version conflicts.</summary>
    [Fact]
    public async Task A_version_counter_starts_at_zero_and_advances_by_one()
    {
        var store = CreateStore();
        const string counter = "spec.counter:balance";

        await SaveAsync(store, TenantA, new ContactChangeSet { VersionChecks = [new VersionCheck(counter, 0, advance: true)] }).ConfigureAwait(false);
        await SaveAsync(store, TenantA, new ContactChangeSet { VersionChecks = [new VersionCheck(counter, 1, advance: true)] }).ConfigureAwait(false);

        var stale = async () => await SaveAsync(store, TenantA, new ContactChangeSet { VersionChecks = [new VersionCheck(counter, 1, advance: true)] }).ConfigureAwait(false);
        await stale.Should().ThrowAsync<ConcurrencyConflictException>().ConfigureAwait(false);
        await SaveAsync(store, TenantA, new ContactChangeSet { VersionChecks = [new VersionCheck(counter, 2, advance: false)] }).ConfigureAwait(false);
    }

    /// <summary>A check-only guard (Advance false) passes at the current version and leaves the counter where it was.</summary>
    [Fact]
    public async Task A_check_only_guard_does_not_advance_the_counter()
    {
        var store = CreateStore();
        const string counter = "spec.counter:check-only";

        await SaveAsync(store, TenantA, new ContactChangeSet { VersionChecks = [new VersionCheck(counter, 0, advance: false)] }).ConfigureAwait(false);
        await SaveAsync(store, TenantA, new ContactChangeSet { VersionChecks = [new VersionCheck(counter, 0, advance: false)] }).ConfigureAwait(false);

        var ahead = async () => await SaveAsync(store, TenantA, new ContactChangeSet { VersionChecks = [new VersionCheck(counter, 1, advance: false)] }).ConfigureAwait(false);
        await ahead.Should().ThrowAsync<ConcurrencyConflictException>().ConfigureAwait(false);
    }

    /// <summary>A failed counter check writes nothing of its change set: no contact, no key, and no other counter advances.</summary>
    [Fact]
    public async Task A_failed_version_check_writes_nothing_of_the_change_set()
    {
        var store = CreateStore();
        var contact = await NewContactAsync(TenantA).ConfigureAwait(false);

        var act = async () => await SaveAsync(store, TenantA, new ContactChangeSet
        {
            Created = [contact],
            IdempotencyKeys = [new ContactIdempotencyKey("guarded", contact.Id, contact.CreatedAt)],
            VersionChecks = [new VersionCheck("spec.counter:other", 0, advance: true), new VersionCheck("spec.counter:never-advanced", 5, advance: true)],
        }).ConfigureAwait(false);

        await act.Should().ThrowAsync<ConcurrencyConflictException>().ConfigureAwait(false);
        (await store.FindByIdAsync(TenantA, contact.Id, CancellationToken.None).ConfigureAwait(false)).Should().BeNull();
        (await store.FindIdByIdempotencyKeyAsync(TenantA, "guarded", CancellationToken.None).ConfigureAwait(false)).Should().BeNull();
        await SaveAsync(store, TenantA, new ContactChangeSet { VersionChecks = [new VersionCheck("spec.counter:other", 0, advance: false)] }).ConfigureAwait(false);
    }

    /// <summary>Counters are per tenant: advancing one in tenant A leaves the counter of the same name in tenant B at 0.</summary>
    [Fact]
    public async Task Version_counters_are_per_tenant()
    {
        var store = CreateStore();
        const string counter = "spec.counter:shared-name";
        await SaveAsync(store, TenantA, new ContactChangeSet { VersionChecks = [new VersionCheck(counter, 0, advance: true)] }).ConfigureAwait(false);

        await SaveAsync(store, TenantB, new ContactChangeSet { VersionChecks = [new VersionCheck(counter, 0, advance: true)] }).ConfigureAwait(false);
        await SaveAsync(store, TenantA, new ContactChangeSet { VersionChecks = [new VersionCheck(counter, 1, advance: false)] }).ConfigureAwait(false);
    }

    /// <summary>Of parallel change sets that advance one counter from the same version, exactly one commits.</summary>
    [Fact]
    public async Task Of_parallel_advances_from_one_version_exactly_one_commits()
    {
        var store = CreateStore();
        const string counter = "spec.counter:parallel";

        var attempts = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            try
            {
                await SaveAsync(store, TenantA, new ContactChangeSet { VersionChecks = [new VersionCheck(counter, 0, advance: true)] }).ConfigureAwait(false);
                return true;
            }
            catch (ConcurrencyConflictException)
            {
                return false;
            }
        }))).ConfigureAwait(false);

        attempts.Count(won => won).Should().Be(1);
    }

    /// <summary>The same contact as <paramref name="contact"/> (same id, stamp and values) filed under another tenant, made through the lossless document.</summary>
    private static Contact InTenant(Contact contact, TenantId tenant)
    {
        var document = JsonNode.Parse(ContactSerializer.SerializeToUtf8Bytes(contact))!;
        document["tenantId"] = tenant.ToString();
        return ContactSerializer.Deserialize(Encoding.UTF8.GetBytes(document.ToJsonString()));
    }
}
