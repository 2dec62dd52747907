using Crm.Contacts;
using Crm.Contacts.Duplicates;
using Crm.Contacts.InMemory;
using Crm.Contacts.Storage;
using Crm.EntityFrameworkCore.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Crm.EntityFrameworkCore.Tests.Storage;

/// <summary>
/// A duplicate key claim outlives the updates of its holder on PostgreSQL: the one interleaving where only the claim's
/// unique row can refuse a second create of the same person (its duplicate-key check read before the first create
/// committed) is made deterministic by holding the second save right after that read.
/// </summary>
/// <remarks>PostgreSQL only: SQLite runs one writer at a time (<c>BEGIN IMMEDIATE</c>), so the held save would keep the first create out.</remarks>
public sealed class PostgresClaimRaceTests() : DatabaseTests(Provider.Postgres), IPostgresTests
{
    private static readonly TenantId Tenant = CrmHost.Tenant;

    [Fact]
    public async Task A_claim_still_refuses_a_parallel_create_after_its_holder_was_updated()
    {
        var database = Databases.New();
        var factory = new ContactManager(new InMemoryContactStore(), Crm.Testing.CrmTestClock.Create(), new Crm.Testing.SequentialEventIdGenerator(), NullLogger<ContactManager>.Instance, Options.Create(new ContactOptions()));
        var first = await factory.CreateAsync(Tenant, new ContactDraft { Emails = ["same@example.com"] });
        var second = await factory.CreateAsync(Tenant, new ContactDraft { Emails = ["Same@Example.com"] });
        var firstUpdated = await factory.UpdateAsync(Tenant, first.Id, first.ConcurrencyStamp, e => e.AddTag("updated"));

        // The second create reads the duplicate keys (nobody holds them yet), then waits while the first is created and updated.
        var hold = new HoldAfterFirstRead("crm_duplicate_keys");
        var builder = new DbContextOptionsBuilder<CrmDbContext>();
        database.Configure(builder);
        await using var held = new CrmDbContext(builder.AddInterceptors(hold).Options);
        var secondSave = Task.Run(async () => await TestDatabase.CreateStore(held).SaveAsync(Tenant, Claiming(second), CancellationToken.None));
        await hold.Read.Task.WaitAsync(TimeSpan.FromSeconds(60));

        var store = database.CreateStore();
        await store.SaveAsync(Tenant, Claiming(first), CancellationToken.None);
        await store.SaveAsync(Tenant, new ContactChangeSet { Updated = [new ContactUpdate(firstUpdated, first.ConcurrencyStamp)] }, CancellationToken.None);
        hold.Release.SetResult();

        var conflict = (await FluentActions.Awaiting(() => secondSave).Should().ThrowAsync<ConcurrencyConflictException>()).Which;
        conflict.Entity.Should().Be("duplicate key");
        (await store.FindByIdAsync(Tenant, second.Id, CancellationToken.None)).Should().BeNull("one person, one contact");
    }

    private static ContactChangeSet Claiming(Contact contact) => new()
    {
        Created = [contact],
        DuplicateKeyClaims = [new DuplicateKeyClaim(contact.Id, DuplicateKeys.For(contact, DuplicateCriterion.Email), 0)],
    };
}
