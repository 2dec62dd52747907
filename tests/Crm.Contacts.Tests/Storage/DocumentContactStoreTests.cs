using Crm.Contacts.Serialization;
using Crm.Contacts.Storage;
using Crm.Contacts.Tests.Serialization;
using Crm.Contacts.Tests.TestSupport;
using Crm.Storage;
using Crm.Testing.Contacts;

namespace Crm.Contacts.Tests.Storage;

/// <summary>The contact store specification (Crm.Testing) run against a store built on the public API only (<see cref="DocumentContactStore"/>).</summary>
public sealed class DocumentContactStoreTests : ContactStoreSpecification
{
    protected override IContactStore CreateStore() => new DocumentContactStore();

    [Fact]
    public async Task A_contact_manager_works_end_to_end_over_the_document_store()
    {
        var store = new DocumentContactStore();
        var h = new ContactsHarness(store: store);
        var created = await h.CreateAsync();
        var updated = await h.Manager.UpdateAsync(ContactsHarness.TenantA, created.Id, created.ConcurrencyStamp, e =>
        {
            e.SetTimeZone("Europe/Paris");
            e.AddTag("gold");
        });

        var loaded = await h.Manager.GetAsync(ContactsHarness.TenantA, created.Id);

        ContactSerializerTests.ShouldBeSameSnapshot(loaded, updated);
        ContactSerializer.Deserialize(store.Document(ContactsHarness.TenantA, created.Id)).ConcurrencyStamp.Should().Be(updated.ConcurrencyStamp);
        store.Count(ContactsHarness.TenantA).Should().Be(1);
    }

    [Fact]
    public async Task Referral_and_merge_writes_are_refused_whole()
    {
        var store = new DocumentContactStore();
        var contact = await NewContactAsync(TenantA);
        var referral = new Crm.Contacts.Referrals.Referral(ContactId.New(), contact.Id, contact.CreatedAt);

        var act = async () => await store.SaveAsync(TenantA, new ContactChangeSet { Created = [contact], ReferralsAdded = [referral], VersionChecks = [ContactChangeSet.ReferralGraphCheck(0)] }, CancellationToken.None);

        await act.Should().ThrowAsync<NotSupportedException>();
        store.Count(TenantA).Should().Be(0);
    }

    [Fact]
    public async Task A_read_guard_on_a_changed_contact_refuses_the_whole_change_set()
    {
        var store = new DocumentContactStore();
        var read = await NewContactAsync(TenantA, "read@example.com");
        await store.SaveAsync(TenantA, new ContactChangeSet { Created = [read] }, CancellationToken.None);
        var fresh = await NewContactAsync(TenantA, "fresh@example.com");

        var act = async () => await store.SaveAsync(TenantA, new ContactChangeSet { Created = [fresh], ContactsRead = [new ContactReadGuard(read.Id, ConcurrencyStamp.New())] }, CancellationToken.None);

        (await act.Should().ThrowAsync<ConcurrencyConflictException>()).Which.Id.Should().Be(read.Id.ToString());
        store.Count(TenantA).Should().Be(1);
    }

    [Fact]
    public async Task A_version_counter_is_checked_and_advanced()
    {
        var store = new DocumentContactStore();
        await store.SaveAsync(TenantA, new ContactChangeSet { VersionChecks = [new VersionCheck("loyalty.balance:m1", 0, advance: true)] }, CancellationToken.None);

        var stale = async () => await store.SaveAsync(TenantA, new ContactChangeSet { VersionChecks = [new VersionCheck("loyalty.balance:m1", 0, advance: true)] }, CancellationToken.None);

        (await stale.Should().ThrowAsync<ConcurrencyConflictException>()).Which.Entity.Should().Be("version counter");
        await store.SaveAsync(TenantA, new ContactChangeSet { VersionChecks = [new VersionCheck("loyalty.balance:m1", 1, advance: false)] }, CancellationToken.None);
    }
}
