using Crm.Contacts.InMemory;
using Crm.Contacts.Storage;
using Crm.Storage;
using Crm.Testing.Contacts;
using NodaTime;

namespace Crm.Contacts.Tests.InMemory;

/// <summary>The contact store specification (Crm.Testing) run against <see cref="InMemoryContactStore"/>, plus its own tests.</summary>
public sealed class InMemoryContactStoreTests : ContactStoreSpecification
{
    protected override IContactStore CreateStore() => new InMemoryContactStore();

    [Fact]
    public async Task Same_id_in_two_tenants_are_two_independent_contacts()
    {
        var store = new InMemoryContactStore();
        var id = ContactId.New();
        var inA = new Contact(TenantA, id, ConcurrencyStamp.New(), Instant.FromUtc(2025, 1, 1, 0, 0));
        var inB = new Contact(TenantB, id, ConcurrencyStamp.New(), Instant.FromUtc(2025, 1, 1, 0, 0));
        await store.SaveAsync(TenantA, new ContactChangeSet { Created = [inA] }, CancellationToken.None);
        await store.SaveAsync(TenantB, new ContactChangeSet { Created = [inB] }, CancellationToken.None);

        var changedA = inA.WithTags(["a-only"]).WithNewVersion(Instant.FromUtc(2025, 1, 2, 0, 0));
        await store.SaveAsync(TenantA, new ContactChangeSet { Updated = [new ContactUpdate(changedA, inA.ConcurrencyStamp)] }, CancellationToken.None);

        // B's stamp does not guard A's record, even though the ids are equal.
        var changedB = inB.WithTags(["b-only"]).WithNewVersion(Instant.FromUtc(2025, 1, 2, 0, 0));
        var crossTenant = async () => await store.SaveAsync(TenantA, new ContactChangeSet { Updated = [new ContactUpdate(changedB, inB.ConcurrencyStamp)] }, CancellationToken.None);
        await crossTenant.Should().ThrowAsync<ArgumentException>();

        (await store.FindByIdAsync(TenantA, id, CancellationToken.None))!.Tags.Should().Equal("a-only");
        (await store.FindByIdAsync(TenantB, id, CancellationToken.None))!.Tags.Should().BeEmpty();
        (await store.FindByIdAsync(TenantB, id, CancellationToken.None))!.ConcurrencyStamp.Should().Be(inB.ConcurrencyStamp);
    }

    [Fact]
    public async Task Idempotency_key_for_a_contact_neither_created_nor_stored_is_rejected()
    {
        var store = new InMemoryContactStore();
        var act = async () => await store.SaveAsync(TenantA, new ContactChangeSet { IdempotencyKeys = [new ContactIdempotencyKey("k", ContactId.New(), Instant.FromUtc(2025, 1, 1, 0, 0))] }, CancellationToken.None);
        await act.Should().ThrowAsync<ArgumentException>();
        (await store.FindIdByIdempotencyKeyAsync(TenantA, "k", CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task GetVersion_ReadsTheCounterAChangeSetAdvanced_AndZeroForANewOne()
    {
        var store = new InMemoryContactStore();
        await store.SaveAsync(TenantA, new ContactChangeSet { VersionChecks = [new VersionCheck("loyalty.balance:m1", 0, advance: true)] }, CancellationToken.None);

        (await store.GetVersionAsync(TenantA, "loyalty.balance:m1", CancellationToken.None)).Should().Be(1);
        (await store.GetVersionAsync(TenantA, "loyalty.balance:m2", CancellationToken.None)).Should().Be(0);
        (await store.GetVersionAsync(TenantB, "loyalty.balance:m1", CancellationToken.None)).Should().Be(0);
    }

    [Fact]
    public async Task GetVersion_InvalidCounterName_ThrowsNamingTheArgument()
    {
        var act = async () => await new InMemoryContactStore().GetVersionAsync(TenantA, "has space", CancellationToken.None);

        (await act.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("counter");
    }
}
