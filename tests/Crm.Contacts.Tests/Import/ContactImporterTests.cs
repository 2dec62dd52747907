using Crm.Contacts.Acquisition;
using Crm.Contacts.Duplicates;
using Crm.Contacts.Events;
using Crm.Contacts.Import;
using Crm.Contacts.Profile;
using Crm.Contacts.Tests.TestSupport;
using static Crm.Contacts.Tests.TestSupport.DuplicatesHarness;

namespace Crm.Contacts.Tests.Import;

public sealed class ContactImporterTests
{
    private static ContactDraft Row(string email, string? name = null, string? key = null)
        => new() { Emails = [email], Name = name is null ? null : new PersonName(name), IdempotencyKey = key };

    [Fact]
    public async Task Import_BatchHeldWhileTheSamePersonIsCreated_ReportsTheRowAsDuplicateOfExistingAndCreatesNoSecondContact()
    {
        var h = new DuplicatesHarness();
        var pause = h.Store.PauseNextSave(changes => changes.DuplicateKeyClaims.Count > 0);

        var import = h.Importer.ImportAsync(Tenant, [Row("ann@example.com", "Ann Lee"), Row("bob@example.com", "Bob Roe")]);
        await pause.Reached; // the batch's duplicate checks found nobody
        var concurrent = await h.Manager.CreateAsync(Tenant, Row("ANN@example.com", "Ann L."));
        pause.Release();
        var result = await import;

        result.DuplicatesOfExisting.Should().ContainSingle().Which.Should().Match<ImportRow>(r => r.Row == 1 && r.DuplicateOfContactIds.SequenceEqual(new[] { concurrent.Id }));
        result.Created.Should().ContainSingle().Which.Row.Should().Be(2);
        (await h.Store.ListAsync(Tenant, Crm.Storage.PageRequest.First(10), CancellationToken.None)).Items.Select(c => c.Id)
            .Should().BeEquivalentTo([concurrent.Id, result.Created[0].ContactId!.Value]);
        h.ImporterLogger.Collector.GetSnapshot().Should().Contain(r => r.Id.Id == ContactsEventIds.ImportBatchRetried);
    }

    [Fact]
    public async Task Import_WithoutSkippingDuplicatesOfExisting_WritesNoClaims()
    {
        var h = new DuplicatesHarness();
        Crm.Contacts.Storage.ContactChangeSet? seen = null;
        var pause = h.Store.PauseNextSave(changes => (seen = changes) is not null);

        var import = h.Importer.ImportAsync(Tenant, [Row("ann@example.com")], new ImportOptions { SkipDuplicatesOfExisting = false });
        await pause.Reached;
        pause.Release();
        await import;

        seen!.DuplicateKeyClaims.Should().BeEmpty("rows that duplicate existing contacts are created anyway, so nothing is claimed");
    }

    [Fact]
    public async Task ValidRows_AreCreatedInAtomicBatches_AsImports()
    {
        var h = new DuplicatesHarness();
        var drafts = Enumerable.Range(1, 5).Select(i => Row($"p{i}@example.com")).ToList();

        var result = await h.Importer.ImportAsync(Tenant, drafts, new ImportOptions { BatchSize = 2 });

        result.Rows.Select(r => r.Row).Should().Equal(1, 2, 3, 4, 5);
        result.Created.Should().HaveCount(5).And.OnlyContain(r => r.ContactId != null);
        h.Store.SaveCount.Should().Be(3);
        var stored = await StoreSnapshot.TakeAsync(h.Store, Tenant);
        stored.Keys.Should().BeEquivalentTo(result.Created.Select(r => r.ContactId!.Value));
        foreach (var row in result.Created)
        {
            (await h.GetAsync(row.ContactId!.Value)).Origin.Should().Be(RecordOrigin.Import);
        }

        h.Events.OfType<ContactCreated>().Should().HaveCount(5);
        h.ImporterLogger.Collector.GetSnapshot().Should().ContainSingle(r => r.Id.Id == ContactsEventIds.ImportCompleted);
    }

    [Fact]
    public async Task InvalidRow_IsReportedWithRowFieldAndRule_AndTheRestIsImported()
    {
        var h = new DuplicatesHarness();
        ContactDraft?[] drafts =
        [
            Row("a@example.com"),
            new ContactDraft { Emails = ["b@example.com", "broken@"] },
            new ContactDraft { Tags = ["ok", " "] },
            null,
            new ContactDraft { TimeZoneId = "Mars/Base" },
            Row("c@example.com"),
        ];

        var result = await h.Importer.ImportAsync(Tenant, drafts!);

        result.Created.Select(r => r.Row).Should().Equal(1, 6);
        result.Errors.Select(r => (r.Row, r.Field)).Should().Equal((2, "Emails[1]"), (3, "Tags[1]"), (4, "Draft"), (5, "TimeZoneId"));
        result.Errors[0].Error.Should().StartWith("EmailAddress must have a domain").And.NotContain("broken");
        result.Errors[1].Error.Should().Be("Tag must not be empty or white space.");
    }

    [Fact]
    public async Task DuplicateOfExisting_IsSkippedWithIdsAndRule()
    {
        var h = new DuplicatesHarness();
        var existing = await h.CreateAsync("Ann", "ann@example.com");

        var result = await h.Importer.ImportAsync(Tenant, [Row("new@example.com"), Row("ANN@example.com")]);

        result.Created.Select(r => r.Row).Should().Equal(1);
        result.DuplicatesOfExisting.Should().ContainSingle().Which.Should().Match<ImportRow>(r =>
            r.Row == 2 && r.RuleIndex == 0 && r.DuplicateOfContactIds.SequenceEqual(new[] { existing.Id }) && r.ContactId == null);
        (await StoreSnapshot.TakeAsync(h.Store, Tenant)).Should().HaveCount(2);
    }

    [Fact]
    public async Task SecondOccurrenceWithinTheImport_IsADuplicateOfTheFirst_AcrossBatches()
    {
        var h = new DuplicatesHarness();

        var result = await h.Importer.ImportAsync(Tenant, [Row("ann@example.com"), Row("bob@example.com"), Row("x@example.com"), Row("Ann@Example.com")], new ImportOptions { BatchSize = 2 });

        result.Created.Select(r => r.Row).Should().Equal(1, 2, 3);
        result.DuplicatesWithinImport.Should().ContainSingle().Which.Should().Match<ImportRow>(r => r.Row == 4 && r.DuplicateOfRow == 1 && r.RuleIndex == 0);
        result.DuplicatesOfExisting.Should().BeEmpty();
    }

    [Fact]
    public async Task SecondOccurrenceWithinTheSameBatch_IsADuplicate()
    {
        var h = new DuplicatesHarness();

        var result = await h.Importer.ImportAsync(Tenant, [Row("ann@example.com"), Row("ann@example.com")]);

        result.Created.Should().ContainSingle();
        result.DuplicatesWithinImport.Should().ContainSingle().Which.DuplicateOfRow.Should().Be(1);
    }

    [Fact]
    public async Task NotSkipping_CreatesDuplicates_AndFlagsThem()
    {
        var h = new DuplicatesHarness();
        var existing = await h.CreateAsync("Ann", "ann@example.com");

        var result = await h.Importer.ImportAsync(Tenant, [Row("ann@example.com"), Row("bob@example.com"), Row("bob@example.com")],
            new ImportOptions { SkipDuplicatesOfExisting = false, SkipDuplicatesWithinImport = false });

        result.Created.Should().HaveCount(3);
        result.Created[0].DuplicateOfContactIds.Should().Equal(existing.Id);
        result.Created[1].DuplicateOfRow.Should().BeNull();
        result.Created[2].DuplicateOfRow.Should().Be(2);
    }

    [Fact]
    public async Task DetectionDisabled_ImportsDuplicates()
    {
        var h = new DuplicatesHarness(o => o.Duplicates.Enabled = false);
        await h.CreateAsync("Ann", "ann@example.com");

        var result = await h.Importer.ImportAsync(Tenant, [Row("ann@example.com"), Row("ann@example.com")]);

        result.Created.Should().HaveCount(2);
        result.Created.Should().OnlyContain(r => r.DuplicateOfContactIds.Count == 0 && r.DuplicateOfRow == null);
    }

    [Fact]
    public async Task IdempotencyKeys_MakeARerunSafe()
    {
        var h = new DuplicatesHarness(o => o.Duplicates.Enabled = false);
        ContactDraft[] drafts = [Row("a@example.com", key: "row-1"), Row("b@example.com", key: "row-2"), Row("c@example.com", key: "row-1")];

        var first = await h.Importer.ImportAsync(Tenant, drafts);
        var again = await h.Importer.ImportAsync(Tenant, drafts);

        first.Created.Select(r => r.Row).Should().Equal(1, 2);
        first.AlreadyImported.Should().ContainSingle().Which.Should().Match<ImportRow>(r => r.Row == 3 && r.ContactId == first.Created[0].ContactId);
        again.Created.Should().BeEmpty();
        again.AlreadyImported.Select(r => r.ContactId).Should().Equal(first.Created[0].ContactId, first.Created[1].ContactId, first.Created[0].ContactId);
        (await StoreSnapshot.TakeAsync(h.Store, Tenant)).Should().HaveCount(2);
    }

    [Fact]
    public async Task AsyncStream_IsImported()
    {
        var h = new DuplicatesHarness();

        var result = await h.Importer.ImportAsync(Tenant, Stream());

        result.Created.Should().HaveCount(3);

        static async IAsyncEnumerable<ContactDraft> Stream()
        {
            for (var i = 0; i < 3; i++)
            {
                await Task.Yield();
                yield return Row($"s{i}@example.com");
            }
        }
    }

    [Fact]
    public async Task ConcurrentUseOfAnIdempotencyKey_TurnsTheRowIntoAlreadyImported()
    {
        var h = new DuplicatesHarness(o => o.Duplicates.Enabled = false);
        h.Store.BeforeNextSave = async () => await h.Manager.CreateAsync(Tenant, Row("other@example.com", key: "k-race"));

        var result = await h.Importer.ImportAsync(Tenant, [Row("a@example.com", key: "k-race"), Row("b@example.com")]);

        result.Created.Select(r => r.Row).Should().Equal(2);
        result.AlreadyImported.Should().ContainSingle().Which.Row.Should().Be(1);
        h.ImporterLogger.Collector.GetSnapshot().Should().Contain(r => r.Id.Id == ContactsEventIds.ImportBatchRetried);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(ImportOptions.MaxBatchSize + 1)]
    public async Task BadBatchSize_Throws(int size)
    {
        var h = new DuplicatesHarness();
        var act = () => h.Importer.ImportAsync(Tenant, [Row("a@example.com")], new ImportOptions { BatchSize = size });
        (await act.Should().ThrowAsync<ArgumentOutOfRangeException>()).WithMessage("ImportOptions.BatchSize must be between 1 and 1000*");
    }

    [Fact]
    public async Task BadArguments_Throw()
    {
        var h = new DuplicatesHarness();
        await FluentActions.Awaiting(() => h.Importer.ImportAsync(default, [Row("a@example.com")])).Should().ThrowAsync<ArgumentException>();
        await FluentActions.Awaiting(() => h.Importer.ImportAsync(Tenant, (IEnumerable<ContactDraft>)null!)).Should().ThrowAsync<ArgumentNullException>();
        await FluentActions.Awaiting(() => h.Importer.ImportAsync(Tenant, (IAsyncEnumerable<ContactDraft>)null!)).Should().ThrowAsync<ArgumentNullException>();
    }

    [Fact]
    public async Task Cancellation_StopsTheImport_KeepingWrittenBatches()
    {
        var h = new DuplicatesHarness();
        using var cts = new CancellationTokenSource();

        var act = () => h.Importer.ImportAsync(Tenant, Stream(cts), new ImportOptions { BatchSize = 2 }, cts.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        (await StoreSnapshot.TakeAsync(h.Store, Tenant)).Should().HaveCount(2);

        static IEnumerable<ContactDraft> Stream(CancellationTokenSource cts)
        {
            yield return Row("a@example.com");
            yield return Row("b@example.com");
            yield return Row("c@example.com");
            cts.Cancel();
            yield return Row("d@example.com");
        }
    }
}
