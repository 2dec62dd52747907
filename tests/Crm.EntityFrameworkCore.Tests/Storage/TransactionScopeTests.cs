using System.Transactions;
using Crm.Contacts;
using Crm.Contacts.Duplicates;
using Crm.EntityFrameworkCore.Entities;
using Crm.EntityFrameworkCore.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Crm.EntityFrameworkCore.Tests.Storage;

/// <summary>A host wrapping our calls in an ambient <see cref="TransactionScope"/> (async flow on): on PostgreSQL the save joins it, so the scope decides; on SQLite, whose connections do not enlist, the store refuses with nothing written.</summary>
public sealed class PostgresTransactionScopeTests() : DatabaseTests(Provider.Postgres), IPostgresTests
{
    private static readonly TenantId Tenant = CrmHost.Tenant;

    [Fact]
    public async Task A_create_inside_a_scope_that_is_not_completed_leaves_nothing_outbox_included()
    {
        await using var host = new CrmHost(Databases.New());
        ContactId id;
        using (new TransactionScope(TransactionScopeAsyncFlowOption.Enabled))
        {
            var contact = await host.WithContactsAsync(m => m.CreateAsync(Tenant, new ContactDraft { Emails = ["scoped@example.com"], IdempotencyKey = "scoped-1" }));
            id = contact.Id;
            (await host.WithContactsAsync(m => m.FindAsync(Tenant, id))).Should().NotBeNull("the scope sees its own write");
        }

        (await host.WithContactsAsync(m => m.FindAsync(Tenant, id))).Should().BeNull();
        (await host.CountRowsAsync()).Should().Be(new RowCounts(0, 0, 0, 0, 0, 0, 0));
    }

    [Fact]
    public async Task A_create_inside_a_completed_scope_commits_with_it()
    {
        await using var host = new CrmHost(Databases.New());
        ContactId id;
        using (var scope = new TransactionScope(TransactionScopeAsyncFlowOption.Enabled))
        {
            id = (await host.WithContactsAsync(m => m.CreateAsync(Tenant, new ContactDraft { Emails = ["scoped@example.com"], IdempotencyKey = "scoped-1" }))).Id;
            scope.Complete();
        }

        (await host.WithContactsAsync(m => m.FindAsync(Tenant, id))).Should().NotBeNull();
        (await host.CountRowsAsync()).Should().Be(new RowCounts(1, 1, 1, DuplicateKeys: 1, IdempotencyKeys: 1, OutboxEvents: 1, 0));
    }

    [Fact]
    public async Task A_conflict_inside_a_scope_rolls_back_only_its_change_set_and_the_scope_goes_on()
    {
        await using var host = new CrmHost(Databases.New(), o =>
        {
            o.Duplicates.Enabled = true;
            o.Duplicates.OnCreate = DuplicateCreateAction.Reject;
        });
        using (var scope = new TransactionScope(TransactionScopeAsyncFlowOption.Enabled))
        {
            var first = await host.WithContactsAsync(m => m.CreateAsync(Tenant, new ContactDraft { Emails = ["one@example.com"] }));
            var stale = () => host.WithContactsAsync(m => m.UpdateAsync(Tenant, first.Id, Crm.Storage.ConcurrencyStamp.New(), e => e.AddTag("stale")));
            await stale.Should().ThrowAsync<ConcurrencyConflictException>();
            await host.WithContactsAsync(m => m.CreateAsync(Tenant, new ContactDraft { Emails = ["two@example.com"] }));
            scope.Complete();
        }

        (await host.CountRowsAsync()).Contacts.Should().Be(2);
    }
}

public sealed class SqliteTransactionScopeTests() : DatabaseTests(Provider.Sqlite)
{
    private static readonly TenantId Tenant = CrmHost.Tenant;

    [Fact]
    public async Task A_create_inside_a_scope_is_refused_with_nothing_written_even_when_the_scope_completes()
    {
        await using var host = new CrmHost(Databases.New());
        using (var scope = new TransactionScope(TransactionScopeAsyncFlowOption.Enabled))
        {
            var create = () => host.WithContactsAsync(m => m.CreateAsync(Tenant, new ContactDraft { Emails = ["scoped@example.com"], IdempotencyKey = "scoped-1" }));
            await create.Should().ThrowAsync<InvalidOperationException>().WithMessage("*ambient transaction*", "EF Core refuses to open a SQLite connection in an ambient scope");
            scope.Complete();
        }

        (await host.CountRowsAsync()).Should().Be(new RowCounts(0, 0, 0, 0, 0, 0, 0));
        await using var db = host.Database.CreateDbContext();
        (await db.Set<OutboxRow>().CountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task With_EF_Cores_ambient_warning_turned_off_the_store_still_refuses_to_save_inside_a_scope()
    {
        var database = Databases.New();
        var builder = new DbContextOptionsBuilder<CrmDbContext>();
        database.Configure(builder);
        builder.ConfigureWarnings(w => w.Log(Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.AmbientTransactionWarning));
        var contact = await new ContactFactory().CreateAsync();
        using (var scope = new TransactionScope(TransactionScopeAsyncFlowOption.Enabled))
        {
            await using var db = new CrmDbContext(builder.Options);
            var save = async () => await TestDatabase.CreateStore(db).SaveAsync(Tenant, new Crm.Contacts.Storage.ContactChangeSet { Created = [contact] }, CancellationToken.None);
            await save.Should().ThrowAsync<InvalidOperationException>().WithMessage("*TransactionScope*do not enlist*Nothing was written*BeginTransaction*");
            scope.Complete();
        }

        (await database.CreateStore().FindByIdAsync(Tenant, contact.Id, CancellationToken.None)).Should().BeNull();
    }

    private sealed class ContactFactory
    {
        public Task<Contact> CreateAsync() => new ContactManager(
            new Crm.Contacts.InMemory.InMemoryContactStore(), Crm.Testing.CrmTestClock.Create(), new Crm.Testing.SequentialEventIdGenerator(),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<ContactManager>.Instance, Microsoft.Extensions.Options.Options.Create(new ContactOptions()))
            .CreateAsync(Tenant, new ContactDraft { Emails = ["scoped@example.com"] });
    }
}
