using Crm.Contacts.Consent;
using Crm.Contacts.Lifecycle;
using Crm.Contacts.Storage;
using Crm.Contacts.Tests.TestSupport;
using Crm.Storage;
using NodaTime;
using static Crm.Contacts.Tests.TestSupport.ContactsHarness;

namespace Crm.Contacts.Tests;

public sealed class TenantIsolationTests
{
    [Fact]
    public async Task TenantB_CanNeitherReadNorChange_TenantAsContact()
    {
        var h = new ContactsHarness();
        var a = await h.CreateAsync(TenantA);
        var before = await StoreSnapshot.TakeAsync(h.Store, TenantA);

        (await h.Manager.FindAsync(TenantB, a.Id)).Should().BeNull();
        await FluentActions.Awaiting(() => h.Manager.GetAsync(TenantB, a.Id)).Should().ThrowAsync<ContactNotFoundException>();
        await FluentActions.Awaiting(() => h.Manager.UpdateAsync(TenantB, a.Id, a.ConcurrencyStamp, e => e.AddTag("x"))).Should().ThrowAsync<ContactNotFoundException>();
        await FluentActions.Awaiting(() => h.Manager.ChangeStageAsync(TenantB, a.Id, a.ConcurrencyStamp, LifecycleStage.Customer)).Should().ThrowAsync<ContactNotFoundException>();
        await FluentActions.Awaiting(() => h.Manager.WithdrawConsentAsync(TenantB, a.Id, a.ConcurrencyStamp, new ConsentPurpose("n"), ConsentAddress.Any, "x")).Should().ThrowAsync<ContactNotFoundException>();
        (await h.Manager.ListAsync(TenantB, PageRequest.First())).Items.Should().BeEmpty();

        (await StoreSnapshot.TakeAsync(h.Store, TenantA)).Should().Equal(before);
    }

    [Fact]
    public async Task SameIdInTwoTenants_ChangingOneLeavesTheOther()
    {
        var h = new ContactsHarness();
        var id = ContactId.New();
        var at = Instant.FromUtc(2025, 1, 1, 0, 0);
        var inA = new Contact(TenantA, id, ConcurrencyStamp.New(), at);
        var inB = new Contact(TenantB, id, ConcurrencyStamp.New(), at);
        await h.Store.SaveAsync(TenantA, new ContactChangeSet { Created = [inA] }, CancellationToken.None);
        await h.Store.SaveAsync(TenantB, new ContactChangeSet { Created = [inB] }, CancellationToken.None);

        await h.Manager.UpdateAsync(TenantA, id, inA.ConcurrencyStamp, e => e.AddTag("only-a"));
        await FluentActions.Awaiting(() => h.Manager.UpdateAsync(TenantB, id, inA.ConcurrencyStamp, e => e.AddTag("via-a-stamp")))
            .Should().ThrowAsync<ConcurrencyConflictException>();

        (await h.Manager.GetAsync(TenantB, id)).Should().BeSameAs(inB);
        (await h.Manager.GetAsync(TenantA, id)).Tags.Should().Equal("only-a");
    }
}
