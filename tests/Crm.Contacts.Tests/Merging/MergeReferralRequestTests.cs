using Crm.Contacts.Duplicates;
using Crm.Contacts.Referrals;
using Crm.Contacts.Tests.TestSupport;
using static Crm.Contacts.Tests.TestSupport.DuplicatesHarness;

namespace Crm.Contacts.Tests.Merging;

/// <summary>Issue 6 (5): referral requests follow a merge to the survivor; re-pointing referees is one store call.</summary>
public sealed class MergeReferralRequestTests
{
    private static DuplicatesHarness NewHarness() => new(o => o.Duplicates.OnCreate = DuplicateCreateAction.Allow);

    [Fact]
    public async Task Merge_MovesTheAbsorbedContactsReferralRequestsToTheSurvivor()
    {
        var h = NewHarness();
        var referrals = h.Referrals;
        var c = await h.CreateManyAsync(3);
        var (y, z, friend) = (c[0], c[1], c[2]);
        var first = await referrals.AskForReferralAsync(Tenant, y.Id, "email");
        var own = await referrals.AskForReferralAsync(Tenant, z.Id, "sms");
        var second = await referrals.AskForReferralAsync(Tenant, y.Id);

        await h.MergeAsync(z.Id, y.Id);

        var moved = await h.Store.GetReferralRequestsAsync(Tenant, z.Id, CancellationToken.None);
        moved.Select(r => r.Id).Should().Equal(first.Id, own.Id, second.Id);
        moved.Should().OnlyContain(r => r.ContactId == z.Id);
        (await h.Store.GetReferralRequestsAsync(Tenant, y.Id, CancellationToken.None)).Should().BeEmpty();
        var followed = await referrals.RecordReferralAsync(Tenant, friend.Id, z.Id, first.Id);
        followed.RequestId.Should().Be(first.Id);
        (await new ReferralAnalytics(h.Store, h.Store).GetReferralRequestStatsAsync(Tenant, z.Id)).Should().Be(new ReferralRequestStats(3, 0, 0, 0, 3, 1));
    }

    [Fact]
    public async Task Merge_HeldWhileARequestIsAskedOfTheAbsorbedContact_FailsWithConflictAndWritesNothing()
    {
        var h = NewHarness();
        var referrals = h.Referrals;
        var c = await h.CreateManyAsync(2);
        var (y, z) = (c[0], c[1]);
        var pause = h.Store.PauseNextSave(changes => changes.MergesRecorded.Count > 0);

        var merge = h.MergeAsync(z.Id, y.Id);
        await pause.Reached; // the merge read Y's (no) requests
        var asked = await referrals.AskForReferralAsync(Tenant, y.Id);
        pause.Release();

        await FluentActions.Awaiting(() => merge).Should().ThrowAsync<ConcurrencyConflictException>();
        (await h.GetAsync(y.Id)).Status.Should().Be(ContactStatus.Active);
        (await h.Store.GetReferralRequestsAsync(Tenant, y.Id, CancellationToken.None)).Should().ContainSingle(r => r.Id == asked.Id);
    }

    [Fact]
    public async Task AskForReferral_HeldWhileAMergeAbsorbsTheContact_IsRefusedAndWritesNothing()
    {
        var h = NewHarness();
        var referrals = h.Referrals;
        var c = await h.CreateManyAsync(2);
        var (y, z) = (c[0], c[1]);
        var pause = h.Store.PauseNextSave(changes => changes.ReferralRequestsCreated.Count > 0);

        var ask = referrals.AskForReferralAsync(Tenant, y.Id);
        await pause.Reached; // the ask found Y active
        await h.MergeAsync(z.Id, y.Id);
        pause.Release();

        (await FluentActions.Awaiting(() => ask).Should().ThrowAsync<ContactNotActiveException>()).Which.ContactId.Should().Be(y.Id);
        (await h.Store.GetReferralRequestsAsync(Tenant, y.Id, CancellationToken.None)).Should().BeEmpty();
        (await h.Store.GetReferralRequestsAsync(Tenant, z.Id, CancellationToken.None)).Should().BeEmpty();
    }

    [Fact]
    public async Task Merge_RepointsEveryRefereeOfTheAbsorbedContacts_WithOneStoreCall()
    {
        var h = NewHarness();
        var c = await h.CreateManyAsync(9);
        var (z, y1, y2) = (c[0], c[1], c[2]);
        foreach (var referee in c.Skip(3).Take(4))
        {
            await h.ReferAsync(referee.Id, y1.Id);
        }

        await h.ReferAsync(c[7].Id, y2.Id);
        await h.ReferAsync(c[8].Id, y2.Id);
        var (findBefore, byReferrersBefore) = (h.Store.FindReferralCalls, h.Store.ReferralsByReferrersCalls);

        await h.MergeAsync(z.Id, y1.Id, y2.Id);

        (h.Store.ReferralsByReferrersCalls - byReferrersBefore).Should().Be(1);
        (h.Store.FindReferralCalls - findBefore).Should().Be(3, "one for the survivor's own referral and one per absorbed contact, none per referee");
        (await h.ReferrerMapAsync()).Values.Should().HaveCount(6).And.OnlyContain(referrer => referrer == z.Id);
    }
}
