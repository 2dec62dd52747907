using System.Globalization;
using Crm.Contacts;
using Crm.Contacts.Attributes;
using Crm.Contacts.Events;
using Crm.Contacts.Import;
using Crm.Contacts.Profile;
using Crm.Contacts.Storage;
using Crm.EntityFrameworkCore.Tests.TestSupport;
using Crm.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Crm.EntityFrameworkCore.Tests.Storage;

/// <summary>What the bulk path writes, table by table, compared with the change tracker's rows; and the importer using it.</summary>
public abstract class BulkInsertTests(Provider provider) : DatabaseTests(provider)
{
    private static readonly TenantId Tenant = CrmHost.Tenant;

    private static readonly string[] Tables =
    [
        "crm_contacts", "crm_contact_emails", "crm_contact_phones", "crm_contact_tags", "crm_contact_attributes", "crm_contact_lifecycle",
        "crm_duplicate_keys", "crm_duplicate_claims", "crm_idempotency_keys", "crm_outbox",
    ];

    [Fact]
    public async Task A_bulk_insert_writes_the_same_rows_in_every_table_as_a_save()
    {
        var contacts = await RichContactsAsync();
        var events = contacts.Select((c, i) => (CrmEvent)new ContactCreated(Tenant, c.CreatedAt, c.Id, c.Origin) { EventId = new CrmEventId(new Guid(i + 1, 0, 0, new byte[8])) }).ToArray();
        var keys = contacts.Select((c, i) => new ContactIdempotencyKey($"rich-{i}", c.Id, c.CreatedAt)).ToArray();
        var claims = contacts.Where(c => c.Emails.Count > 0).Select(c => new DuplicateKeyClaim(c.Id, Crm.Contacts.Duplicates.DuplicateKeys.For(c, Crm.Contacts.Duplicates.DuplicateCriterion.Email), 0)).ToArray();
        var changes = new ContactChangeSet { Created = contacts, IdempotencyKeys = keys, DuplicateKeyClaims = claims, Events = events };
        var saved = Databases.New();
        var bulk = Databases.New();

        await saved.CreateStore().SaveAsync(Tenant, changes, CancellationToken.None);
        await bulk.CreateStore().BulkInsertAsync(Tenant, changes, CancellationToken.None);

        foreach (var table in Tables)
        {
            var expected = await DumpAsync(saved, table);
            expected.Should().NotBeEmpty(table);
            (await DumpAsync(bulk, table)).Should().Equal(expected, table);
        }
    }

    [Fact]
    public async Task The_importer_writes_through_the_bulk_path_with_the_events_and_keys()
    {
        await using var host = new CrmHost(Databases.New());
        var drafts = Enumerable.Range(0, 25).Select(i => new ContactDraft { Emails = [$"row{i}@example.com"], IdempotencyKey = $"row-{i}" }).ToList();
        drafts.Add(new ContactDraft { Emails = ["not an address"] });

        var result = await host.InScopeAsync(sp => sp.GetRequiredService<ContactImporter>().ImportAsync(Tenant, drafts, new ImportOptions { BatchSize = 10 }));

        result.Created.Should().HaveCount(25);
        result.Errors.Should().ContainSingle().Which.Field.Should().Be("Emails[0]");
        var counts = await host.CountRowsAsync();
        (counts.Contacts, counts.Emails, counts.IdempotencyKeys, counts.OutboxEvents).Should().Be((25, 25, 25, 25));
        var again = await host.InScopeAsync(sp => sp.GetRequiredService<ContactImporter>().ImportAsync(Tenant, drafts.Take(25), new ImportOptions { BatchSize = 10 }));
        again.AlreadyImported.Should().HaveCount(25);
    }

    /// <summary>Every row of <paramref name="table"/> as text (each value with its type, so a text and a number never compare equal), sorted.</summary>
    private static async Task<List<string>> DumpAsync(TestDatabase database, string table)
    {
        await using var db = database.CreateDbContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {table}";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i)
                ? $"{reader.GetName(i)}=null"
                : string.Create(CultureInfo.InvariantCulture, $"{reader.GetName(i)}={reader.GetValue(i)}:{reader.GetValue(i).GetType().Name}"))));
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    /// <summary>Contacts with every kind of child row: several e-mails and phones, tags in mixed case, each attribute kind, a birthday, a stage change.</summary>
    private static async Task<IReadOnlyList<Contact>> RichContactsAsync()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddCrm().AddContacts(o => o.DefaultPhoneRegion = "GB");
        await using var provider = services.BuildServiceProvider();
        var manager = provider.GetRequiredService<ContactManager>();
        var contacts = new List<Contact>();
        for (var i = 0; i < 3; i++)
        {
            contacts.Add(await manager.CreateAsync(Tenant, new ContactDraft
            {
                Name = new PersonName($"Zoë O'Brien {i}", "Zoë", $"O'Brien {i}"),
                Emails = [$"Zoe{i}@Example.com", $"z{i}@example.org"],
                PhoneNumbers = ["+44 20 7946 0018", $"+44 20 7946 00{i}9"],
                Tags = ["VIP", "événement"],
                Birthday = new Birthday(2, 29, 1996),
                PreferredLanguage = "fr-FR",
                TimeZoneId = "Europe/London",
                Attributes = new Dictionary<string, CustomAttributeValue>
                {
                    ["shoeSize"] = CustomAttributeValue.Number(42.5m + i),
                    ["colour"] = CustomAttributeValue.Text("vert"),
                    ["beta"] = CustomAttributeValue.Boolean(i % 2 == 0),
                    ["since"] = CustomAttributeValue.Date(new LocalDate(2020, 1, 31)),
                    ["credit"] = CustomAttributeValue.Money(new Crm.Money(12.30m, new Crm.CurrencyCode("EUR"))),
                },
            }));
        }

        contacts.Add(await manager.CreateAsync(Tenant, new ContactDraft()));
        return contacts;
    }
}

public sealed class SqliteBulkInsertTests() : BulkInsertTests(Provider.Sqlite);

public sealed class PostgresBulkInsertTests() : BulkInsertTests(Provider.Postgres), IPostgresTests
{
    /// <summary>A contact saved in parallel between the bulk insert's look-up and its <c>COPY</c>: the unique constraint refuses the batch, nothing of it stays, and the conflict still names the contact (looked up again after the rollback).</summary>
    [Fact]
    public async Task A_contact_written_in_parallel_after_the_lookup_refuses_the_batch_and_is_named()
    {
        var database = Databases.New();
        var manager = new ContactManager(new Crm.Contacts.InMemory.InMemoryContactStore(), Crm.Testing.CrmTestClock.Create(), new Crm.Testing.SequentialEventIdGenerator(),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<ContactManager>.Instance, Microsoft.Extensions.Options.Options.Create(new ContactOptions()));
        var contacts = new List<Contact>();
        for (var i = 0; i < 5; i++)
        {
            contacts.Add(await manager.CreateAsync(CrmHost.Tenant, new ContactDraft { Emails = [$"batch{i}@example.com"] }));
        }

        var hold = new HoldAfterFirstRead("crm_contacts");
        var builder = new DbContextOptionsBuilder<CrmDbContext>();
        database.Configure(builder);
        await using var held = new CrmDbContext(builder.AddInterceptors(hold).Options);
        var bulk = Task.Run(async () => await TestDatabase.CreateStore(held).BulkInsertAsync(CrmHost.Tenant, new ContactChangeSet { Created = contacts }, CancellationToken.None));
        await hold.Read.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var store = database.CreateStore();
        await store.SaveAsync(CrmHost.Tenant, new ContactChangeSet { Created = [contacts[3]] }, CancellationToken.None);
        hold.Release.SetResult();

        var conflict = (await FluentActions.Awaiting(() => bulk).Should().ThrowAsync<ConcurrencyConflictException>()).Which;
        (conflict.Entity, conflict.Id).Should().Be(("contact", contacts[3].Id.ToString()));
        (await store.ListAsync(CrmHost.Tenant, Crm.Storage.PageRequest.First(), CancellationToken.None)).Items.Select(c => c.Id).Should().Equal(contacts[3].Id);
    }
}
