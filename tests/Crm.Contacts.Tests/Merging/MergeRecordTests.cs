using Crm.Contacts.Acquisition;
using Crm.Contacts.Events;
using Crm.Contacts.Merging;
using Crm.Contacts.Storage;
using Crm.Contacts.Tests.TestSupport;
using NodaTime;
using static Crm.Contacts.Tests.TestSupport.DuplicatesHarness;

namespace Crm.Contacts.Tests.Merging;

public sealed class MergeRecordTests
{
    private static MergeRecord Record(ContactId survivor, params ContactId[] absorbed)
        => new(survivor, absorbed, Instant.FromUtc(2025, 1, 1, 0, 0), [], [], [], new Dictionary<ContactId, AcquisitionSource>());

    [Fact]
    public void Constructor_RefusesBadIds()
    {
        var s = ContactId.New();
        FluentActions.Invoking(() => Record(s)).Should().Throw<ArgumentException>().WithMessage("A merge record needs at least one absorbed contact*");
        FluentActions.Invoking(() => Record(s, s)).Should().Throw<ArgumentException>().WithMessage("*must be distinct*");
        var a = ContactId.New();
        FluentActions.Invoking(() => Record(s, a, a)).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => Record(default, a)).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => Record(s, default(ContactId))).Should().Throw<ArgumentException>();
        Record(s, a).Involves(a).Should().BeTrue();
        Record(s, a).Involves(ContactId.New()).Should().BeFalse();
    }

    [Fact]
    public async Task Store_RefusesARecordNamingAnUnknownContact_AndWritesNothing()
    {
        var h = new DuplicatesHarness();
        var s = await h.CreateAsync("S", "s@example.com");
        var before = await StoreDump.TakeAsync(h.Store, Tenant);

        var act = async () => await h.Store.SaveAsync(Tenant, new ContactChangeSet { MergesRecorded = [Record(s.Id, ContactId.New())] }, CancellationToken.None);

        await act.Should().ThrowAsync<ArgumentException>().WithMessage("A merge record names contact*");
        (await StoreDump.TakeAsync(h.Store, Tenant)).Should().Be(before);
    }

    [Fact]
    public void Events_RefuseMissingIds()
    {
        var tenant = new TenantId("t");
        var at = Instant.FromUtc(2025, 1, 1, 0, 0);
        FluentActions.Invoking(() => new ContactsMerged(tenant, at, ContactId.New(), [])).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => new ContactsMerged(tenant, at, default, [ContactId.New()])).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => new ContactsMerged(tenant, at, ContactId.New(), null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => new PossibleDuplicateDetected(tenant, at, ContactId.New(), [], 0)).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => new PossibleDuplicateDetected(tenant, at, default, [ContactId.New()], 0)).Should().Throw<ArgumentException>();
    }

    [Fact]
    public async Task GetHistory_BadArguments_Throw()
    {
        var h = new DuplicatesHarness();
        await FluentActions.Awaiting(() => h.Merger.GetHistoryAsync(default, ContactId.New())).Should().ThrowAsync<ArgumentException>();
        await FluentActions.Awaiting(() => h.Merger.GetHistoryAsync(Tenant, default)).Should().ThrowAsync<ArgumentException>();
        await FluentActions.Awaiting(() => h.Merger.ResolveAsync(Tenant, default)).Should().ThrowAsync<ArgumentException>();
        (await h.Merger.GetHistoryAsync(Tenant, ContactId.New())).Should().BeEmpty();
    }
}
