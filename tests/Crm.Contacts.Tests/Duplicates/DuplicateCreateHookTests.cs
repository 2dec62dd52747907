using Crm.Contacts.Duplicates;
using Crm.Contacts.Events;
using Crm.Contacts.Tests.TestSupport;
using static Crm.Contacts.Tests.TestSupport.DuplicatesHarness;

namespace Crm.Contacts.Tests.Duplicates;

public sealed class DuplicateCreateHookTests
{
    [Fact]
    public async Task Reject_ThrowsWithIdsAndRule_WithoutPersonalData_AndWritesNothing()
    {
        var h = new DuplicatesHarness(o => o.Duplicates.OnCreate = DuplicateCreateAction.Reject);
        var existing = await h.CreateAsync("Ann Lee", "ann.lee@example.com");
        var before = await StoreDump.TakeAsync(h.Store, Tenant);
        h.Events.Clear();

        var act = () => h.CreateAsync("Ann Lee", "Ann.Lee@example.com");

        var ex = (await act.Should().ThrowAsync<DuplicateContactException>()).Which;
        ex.Code.Should().Be(DuplicateContactException.ErrorCode);
        ex.ExistingContactIds.Should().Equal(existing.Id);
        ex.RuleIndex.Should().Be(0);
        ex.Rule.Should().Be(new DuplicateRule(DuplicateCriterion.Email));
        ex.Message.Should().Contain(existing.Id.ToString()).And.Contain("Email").And.NotContainEquivalentOf("ann");
        (await StoreDump.TakeAsync(h.Store, Tenant)).Should().Be(before);
        h.Events.Should().BeEmpty();
        h.DetectorLogger.Collector.GetSnapshot().Should().Contain(r => r.Id.Id == ContactsEventIds.DuplicateContactRejected)
            .And.OnlyContain(r => !r.Message.Contains("ann", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Flag_CreatesAndPublishesPossibleDuplicate()
    {
        var h = new DuplicatesHarness();
        var existing = await h.CreateAsync("Ann Lee", "ann.lee@example.com");

        var created = await h.CreateAsync("A. Lee", "ann.lee@example.com");

        (await h.GetAsync(created.Id)).Should().NotBeNull();
        h.Events.OfType<PossibleDuplicateDetected>().Should().ContainSingle()
            .Which.Should().Match<PossibleDuplicateDetected>(e => e.ContactId == created.Id && e.ExistingContactIds.SequenceEqual(new[] { existing.Id }) && e.RuleIndex == 0);
        h.DetectorLogger.Collector.GetSnapshot().Should().Contain(r => r.Id.Id == ContactsEventIds.PossibleDuplicateCreated);
    }

    [Fact]
    public async Task Allow_CreatesWithoutChecking()
    {
        var h = new DuplicatesHarness(o => o.Duplicates.OnCreate = DuplicateCreateAction.Allow);
        await h.CreateAsync("Ann Lee", "ann.lee@example.com");

        await h.CreateAsync("Ann Lee", "ann.lee@example.com");

        h.Events.OfType<PossibleDuplicateDetected>().Should().BeEmpty();
        (await StoreSnapshot.TakeAsync(h.Store, Tenant)).Should().HaveCount(2);
    }

    [Fact]
    public async Task Disabled_DoesNotCheck_EvenWithReject()
    {
        var h = new DuplicatesHarness(o =>
        {
            o.Duplicates.Enabled = false;
            o.Duplicates.OnCreate = DuplicateCreateAction.Reject;
        });
        await h.CreateAsync("Ann Lee", "ann.lee@example.com");

        await h.CreateAsync("Ann Lee", "ann.lee@example.com");

        (await StoreSnapshot.TakeAsync(h.Store, Tenant)).Should().HaveCount(2);
    }

    [Fact]
    public async Task Reject_IdempotentReplay_ReturnsTheFirstContact()
    {
        var h = new DuplicatesHarness(o => o.Duplicates.OnCreate = DuplicateCreateAction.Reject);
        var draft = new ContactDraft { IdempotencyKey = "k-1", Emails = ["ann@example.com"] };
        var first = await h.Manager.CreateAsync(Tenant, draft);

        var again = await h.Manager.CreateAsync(Tenant, draft);

        again.Id.Should().Be(first.Id);
    }

    [Fact]
    public void DuplicateContactException_NeedsIds()
    {
        var act = () => new DuplicateContactException([], 0, new DuplicateRule(DuplicateCriterion.Email));
        act.Should().Throw<ArgumentException>();
        var nullRule = () => new DuplicateContactException([ContactId.New()], 0, null!);
        nullRule.Should().Throw<ArgumentNullException>();
    }
}
