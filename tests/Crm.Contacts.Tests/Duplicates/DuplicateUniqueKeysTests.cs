using Crm.Contacts.Duplicates;
using Crm.Contacts.Storage;
using Crm.Contacts.Tests.TestSupport;
using static Crm.Contacts.Tests.TestSupport.DuplicatesHarness;

namespace Crm.Contacts.Tests.Duplicates;

/// <summary>Issue 6 (5): with Reject and a store that enforces <see cref="IContactUniqueKeys"/>, creating with duplicate checking is race-free.</summary>
public sealed class DuplicateUniqueKeysTests
{
    private static DuplicatesHarness NewHarness() => new(o => o.Duplicates.OnCreate = DuplicateCreateAction.Reject);

    [Fact]
    public async Task Create_HeldWhileTheSamePersonIsCreated_IsRejectedAsDuplicateAndWritesNothing()
    {
        var h = NewHarness();
        var pause = h.Store.PauseNextSave(changes => changes.DuplicateKeyClaims.Count > 0);

        var first = h.CreateAsync("Ann Lee", "ann@example.com");
        await pause.Reached; // the first create's duplicate check found nobody
        var second = await h.CreateAsync("Ann L.", "ANN@example.com");
        pause.Release();

        var rejected = (await FluentActions.Awaiting(() => first).Should().ThrowAsync<DuplicateContactException>()).Which;
        rejected.ExistingContactIds.Should().Equal(second.Id);
        (await h.Store.ListAsync(Tenant, Crm.Storage.PageRequest.First(10), CancellationToken.None)).Items.Should().ContainSingle();
    }

    [Fact]
    public async Task Create_HeldWhileADifferentPersonIsCreated_Commits()
    {
        var h = NewHarness();
        var pause = h.Store.PauseNextSave(changes => changes.DuplicateKeyClaims.Count > 0);

        var first = h.CreateAsync("Ann Lee", "ann@example.com");
        await pause.Reached;
        await h.CreateAsync("Bob Roe", "bob@example.com");
        pause.Release();

        (await first).Emails.Should().ContainSingle();
    }

    [Fact]
    public async Task Create_WithReject_ClaimsOneCombinationPerRuleItCouldMeet()
    {
        var h = NewHarness();
        ContactChangeSet? seen = null;
        var pause = h.Store.PauseNextSave(changes => (seen = changes) is not null);

        var create = h.Manager.CreateAsync(Tenant, new ContactDraft { Emails = ["a@example.com", "b@example.com"], PhoneNumbers = ["+44 20 7946 0018"] });
        await pause.Reached;
        pause.Release();
        await create;

        seen!.DuplicateKeyClaims.Should().HaveCount(3).And.OnlyContain(c => c.Keys.Count == 1);
        seen.DuplicateKeyClaims.Select(c => c.RuleIndex).Should().Equal(0, 0, 1);
        seen.DuplicateKeyClaims[0].ToString().Should().NotContain("example.com");
    }

    [Fact]
    public async Task Save_ClaimHeldByAnActiveContact_ThrowsConflictAndWritesNothing()
    {
        var h = new DuplicatesHarness();
        var existing = await h.CreateAsync("Ann Lee", "ann@example.com");
        var fresh = new Contact(Tenant, ContactId.New(), Crm.Storage.ConcurrencyStamp.New(), h.Clock.GetCurrentInstant());
        var key = DuplicateKeys.For(existing, DuplicateCriterion.Email)[0];

        var act = async () => await h.Store.SaveAsync(Tenant, new ContactChangeSet { Created = [fresh], DuplicateKeyClaims = [new DuplicateKeyClaim(fresh.Id, [key], 0)] }, CancellationToken.None);

        (await act.Should().ThrowAsync<ConcurrencyConflictException>()).Which.Entity.Should().Be("duplicate key");
        (await h.Store.FindByIdAsync(Tenant, fresh.Id, CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task Save_ClaimWhoseKeysAreHeldByDifferentContacts_Commits()
    {
        var h = new DuplicatesHarness();
        var ann = DuplicateKeys.For(await h.CreateAsync("Ann Lee", "ann@example.com"), DuplicateCriterion.Email)[0];
        var cy = DuplicateKeys.For(await h.CreateAsync("Cy Doe", "cy@example.com"), DuplicateCriterion.Email)[0];
        var fresh = new Contact(Tenant, ContactId.New(), Crm.Storage.ConcurrencyStamp.New(), h.Clock.GetCurrentInstant());

        var act = async () => await h.Store.SaveAsync(Tenant, new ContactChangeSet { Created = [fresh], DuplicateKeyClaims = [new DuplicateKeyClaim(fresh.Id, [ann, cy], 0)] }, CancellationToken.None);

        await act.Should().NotThrowAsync("no single active contact holds both keys");
    }
}
