using Crm.Contacts;
using Crm.Contacts.Duplicates;
using Crm.Contacts.Merging;
using Crm.Contacts.Storage;

namespace Crm.Testing.Contacts;

/// <summary>
/// The duplicate-index capability (<see cref="IContactDuplicateIndex"/>) of a contact store: every active contact is found
/// by each of its keys, within the per-key limit, in ascending id order, and only in its own tenant.
/// </summary>
/// <typeparam name="TStore">The store under test; it must implement the duplicate-index capability.</typeparam>
/// <remarks>An index may over-approximate (the managers re-check every candidate), so these tests check what it must find, never that a stale key is gone.</remarks>
public abstract class DuplicateIndexSpecification<TStore> : ContactSpecificationBase<TStore>
    where TStore : class, IContactStore, IContactDuplicateIndex
{
    /// <summary>A contact created through the manager is found by every key <see cref="DuplicateKeys.For(Contact)"/> gives it.</summary>
    [Fact]
    public async Task A_contact_is_found_by_each_of_its_duplicate_keys()
    {
        var store = CreateStore();
        var contact = await CreateManager(store).CreateAsync(TenantA, new ContactDraft
        {
            Name = new Crm.Contacts.Profile.PersonName("Ann Lee", "Ann", "Lee"),
            Emails = ["ann.lee@example.com", "ann@example.org"],
            PhoneNumbers = ["+44 20 7946 0018"],
        }).ConfigureAwait(false);
        var keys = DuplicateKeys.For(contact);
        keys.Should().NotBeEmpty();

        var matches = await store.FindByDuplicateKeysAsync(TenantA, keys.ToList(), 10, CancellationToken.None).ConfigureAwait(false);

        matches.Select(m => m.Key).Should().Equal(keys, "one entry per key, in the order asked");
        matches.Should().AllSatisfy(m =>
        {
            m.ContactIds.Should().Equal(contact.Id);
            m.ExceedsLimit.Should().BeFalse();
        });
    }

    /// <summary>A key shared by more contacts than the limit returns the limit's worth of ids, in ascending order, flagged as incomplete.</summary>
    [Fact]
    public async Task The_per_key_limit_caps_the_ids_and_flags_the_rest()
    {
        var store = CreateStore();
        var manager = CreateManager(store);
        var ids = new List<ContactId>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await manager.CreateAsync(TenantA, Draft("shared@example.com", $"Person {i}")).ConfigureAwait(false)).Id);
        }

        var key = DuplicateKeys.For(await manager.GetAsync(TenantA, ids[0]).ConfigureAwait(false), DuplicateCriterion.Email).Single();

        var capped = (await store.FindByDuplicateKeysAsync(TenantA, [key], 3, CancellationToken.None).ConfigureAwait(false)).Single();
        var whole = (await store.FindByDuplicateKeysAsync(TenantA, [key], 5, CancellationToken.None).ConfigureAwait(false)).Single();

        capped.ContactIds.Should().Equal(ids.Order().Take(3));
        capped.ExceedsLimit.Should().BeTrue();
        whole.ContactIds.Should().Equal(ids.Order());
        whole.ExceedsLimit.Should().BeFalse();
    }

    /// <summary>A key nobody has is answered with an empty entry; another tenant's contacts are never candidates.</summary>
    [Fact]
    public async Task Another_tenants_contacts_are_never_candidates()
    {
        var store = CreateStore();
        var manager = CreateManager(store);
        var inA = await manager.CreateAsync(TenantA, Draft("same@example.com")).ConfigureAwait(false);
        var key = DuplicateKeys.For(inA, DuplicateCriterion.Email).Single();

        var inB = (await store.FindByDuplicateKeysAsync(TenantB, [key], 10, CancellationToken.None).ConfigureAwait(false)).Single();

        inB.Key.Should().Be(key);
        inB.ContactIds.Should().BeEmpty();
        inB.ExceedsLimit.Should().BeFalse();
    }

    /// <summary>A key added by an update is indexed in the same write.</summary>
    [Fact]
    public async Task A_key_added_by_an_update_is_found()
    {
        var store = CreateStore();
        var manager = CreateManager(store);
        var contact = await manager.CreateAsync(TenantA, Draft("before@example.com")).ConfigureAwait(false);
        var updated = await manager.UpdateAsync(TenantA, contact.Id, contact.ConcurrencyStamp, e => e.AddEmail("after@example.com")).ConfigureAwait(false);
        var key = DuplicateKeys.For(updated, DuplicateCriterion.Email).Single(k => !DuplicateKeys.For(contact, DuplicateCriterion.Email).Contains(k));

        var match = (await store.FindByDuplicateKeysAsync(TenantA, [key], 10, CancellationToken.None).ConfigureAwait(false)).Single();

        match.ContactIds.Should().Equal(contact.Id);
    }

    /// <summary>After a merge, the survivor is found by the keys it holds.</summary>
    [Fact]
    public async Task After_a_merge_the_survivor_is_found_by_its_keys()
    {
        var store = CreateStore();
        var manager = CreateManager(store);
        var survivor = await manager.CreateAsync(TenantA, Draft("keep@example.com", "Keep")).ConfigureAwait(false);
        var absorbed = await manager.CreateAsync(TenantA, Draft("keep@example.com", "Absorbed")).ConfigureAwait(false);
        var result = await CreateMerger(store).MergeAsync(TenantA, new MergeRequest { SurvivorId = survivor.Id, AbsorbedIds = [absorbed.Id] }).ConfigureAwait(false);

        var keys = DuplicateKeys.For(result.Survivor);
        var matches = await store.FindByDuplicateKeysAsync(TenantA, keys.ToList(), 10, CancellationToken.None).ConfigureAwait(false);

        matches.Should().AllSatisfy(m => m.ContactIds.Should().Contain(survivor.Id));
    }

    /// <summary>A limit below one is rejected with <see cref="ArgumentOutOfRangeException"/>.</summary>
    [Fact]
    public async Task A_limit_below_one_is_rejected()
    {
        var store = CreateStore();
        var contact = await CreateManager(store).CreateAsync(TenantA, Draft()).ConfigureAwait(false);
        var act = async () => await store.FindByDuplicateKeysAsync(TenantA, DuplicateKeys.For(contact).ToList(), 0, CancellationToken.None).ConfigureAwait(false);
        await act.Should().ThrowAsync<ArgumentOutOfRangeException>().ConfigureAwait(false);
    }
}
