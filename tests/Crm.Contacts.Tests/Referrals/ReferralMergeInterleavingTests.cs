using Crm.Contacts.Duplicates;
using Crm.Contacts.Referrals;
using Crm.Contacts.Storage;
using Crm.Contacts.Tests.TestSupport;
using static Crm.Contacts.Tests.TestSupport.DuplicatesHarness;

namespace Crm.Contacts.Tests.Referrals;

/// <summary>
/// The referral/merge race of issue 6, replayed deterministically: one operation is held at its save (after all its reads)
/// while the other runs to the end, in both orders. Y is merged into Z while a referral involving Y is recorded.
/// </summary>
public sealed class ReferralMergeInterleavingTests
{
    private static DuplicatesHarness NewHarness() => new(o => o.Duplicates.OnCreate = DuplicateCreateAction.Allow);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task RecordReferral_HeldWhileAMergeAbsorbsAContactOfIt_IsRefusedAndWritesNothing(bool mergedIsReferee)
    {
        var h = NewHarness();
        var referrals = h.Referrals;
        var c = await h.CreateManyAsync(3);
        var (y, z, x) = (c[0], c[1], c[2]);
        var (referee, referrer) = mergedIsReferee ? (y.Id, x.Id) : (x.Id, y.Id);
        var pause = h.Store.PauseNextSave(changes => changes.ReferralsAdded.Count > 0);

        var referral = referrals.RecordReferralAsync(Tenant, referee, referrer);
        await pause.Reached; // the referral found both contacts active and the rules hold
        await h.MergeAsync(z.Id, y.Id);
        pause.Release();

        var act = () => referral;
        (await act.Should().ThrowAsync<ContactNotActiveException>()).Which.ContactId.Should().Be(y.Id);
        (await h.ReferrerMapAsync()).Should().BeEmpty();
        (await h.GetAsync(y.Id)).Status.Should().Be(ContactStatus.Merged);
    }

    [Fact]
    public async Task Merge_HeldWhileAReferralOfTheAbsorbedContactCommits_FailsWithConflictAndWritesNothing()
    {
        var h = NewHarness();
        var referrals = h.Referrals;
        var c = await h.CreateManyAsync(3);
        var (y, z, x) = (c[0], c[1], c[2]);
        var pause = h.Store.PauseNextSave(changes => changes.MergesRecorded.Count > 0);

        var merge = h.MergeAsync(z.Id, y.Id);
        await pause.Reached; // the merge planned against a graph where Y has no referral edge
        await referrals.RecordReferralAsync(Tenant, y.Id, x.Id);
        pause.Release();

        var act = () => merge;
        await act.Should().ThrowAsync<ConcurrencyConflictException>();
        (await h.GetAsync(y.Id)).Status.Should().Be(ContactStatus.Active);
        (await h.GetAsync(z.Id)).Should().BeEquivalentTo(z);
        (await h.ReferrerMapAsync()).Should().Equal(new Dictionary<ContactId, ContactId> { [y.Id] = x.Id });
    }

    [Fact]
    public async Task RecordReferralAndMerge_InParallelManyTimes_NeverLeaveAReferralOnAMergedContact()
    {
        for (var run = 0; run < 100; run++)
        {
            var h = NewHarness();
            var c = await h.CreateManyAsync(3);
            var (y, z, x) = (c[0], c[1], c[2]);
            var referral = Task.Run(() => h.Referrals.RecordReferralAsync(Tenant, y.Id, x.Id));
            var merge = Task.Run(() => h.MergeAsync(z.Id, y.Id));
            await Task.WhenAll(referral.ContinueWith(_ => { }, TaskScheduler.Default), merge.ContinueWith(_ => { }, TaskScheduler.Default));

            var map = await h.ReferrerMapAsync();
            var merged = (await h.GetAsync(y.Id)).Status == ContactStatus.Merged;
            map.ContainsKey(y.Id).Should().Be(!merged, "a referral of Y exists exactly when Y was not merged (run {0})", run);
            (referral.IsCompletedSuccessfully && merge.IsCompletedSuccessfully
                && (await h.ReferrerMapAsync()).GetValueOrDefault(z.Id) != x.Id).Should().BeFalse("if both succeeded, the referral must have moved to Z (run {0})", run);
        }
    }

    [Fact]
    public async Task Merge_AfterTheHeldMergeFailed_RepointsTheNewReferral()
    {
        var h = NewHarness();
        var referrals = h.Referrals;
        var c = await h.CreateManyAsync(3);
        var (y, z, x) = (c[0], c[1], c[2]);
        var pause = h.Store.PauseNextSave(changes => changes.MergesRecorded.Count > 0);
        var merge = h.MergeAsync(z.Id, y.Id);
        await pause.Reached;
        await referrals.RecordReferralAsync(Tenant, y.Id, x.Id);
        pause.Release();
        await FluentActions.Awaiting(() => merge).Should().ThrowAsync<ConcurrencyConflictException>();

        await h.MergeAsync(z.Id, y.Id);

        (await h.ReferrerMapAsync()).Should().Equal(new Dictionary<ContactId, ContactId> { [z.Id] = x.Id });
    }

    [Fact]
    public async Task Save_ReadGuardOnAContactThatChanged_ThrowsConflictAndWritesNothing()
    {
        var h = NewHarness();
        var c = await h.CreateManyAsync(2);
        await h.Manager.UpdateAsync(Tenant, c[0].Id, c[0].ConcurrencyStamp, e => e.AddTag("moved"));
        var referral = new Referral(c[1].Id, c[0].Id, h.Clock.GetCurrentInstant());

        var act = async () => await h.Store.SaveAsync(Tenant, new ContactChangeSet
        {
            ReferralsAdded = [referral],
            VersionChecks = [ContactChangeSet.ReferralGraphCheck(0)],
            ContactsRead = [ContactReadGuard.For(c[0])],
        }, CancellationToken.None);

        (await act.Should().ThrowAsync<ConcurrencyConflictException>()).Which.Entity.Should().Be("contact");
        (await h.ReferrerMapAsync()).Should().BeEmpty();
        (await h.Store.GetGraphVersionAsync(Tenant, CancellationToken.None)).Should().Be(0);
    }

    [Fact]
    public async Task Save_SecondReferrerReachingTheStore_ThrowsConflictNamingTheReferee()
    {
        var h = NewHarness();
        var c = await h.CreateManyAsync(3);
        await h.ReferAsync(c[2].Id, c[0].Id);
        var version = await h.Store.GetGraphVersionAsync(Tenant, CancellationToken.None);

        var act = async () => await h.Store.SaveAsync(Tenant, new ContactChangeSet
        {
            ReferralsAdded = [new Referral(c[2].Id, c[1].Id, h.Clock.GetCurrentInstant())],
            VersionChecks = [ContactChangeSet.ReferralGraphCheck(version)],
        }, CancellationToken.None);

        var conflict = (await act.Should().ThrowAsync<ConcurrencyConflictException>()).Which;
        conflict.Entity.Should().Be("referral");
        conflict.Id.Should().Be(c[2].Id.ToString());
        (await h.ReferrerMapAsync()).Should().Equal(new Dictionary<ContactId, ContactId> { [c[2].Id] = c[0].Id });
    }

    [Fact]
    public async Task Save_ReferralClosingACycleReachingTheStore_ThrowsConflictAndWritesNothing()
    {
        var h = NewHarness();
        var c = await h.CreateManyAsync(2);
        await h.ReferAsync(c[1].Id, c[0].Id);
        var version = await h.Store.GetGraphVersionAsync(Tenant, CancellationToken.None);

        var act = async () => await h.Store.SaveAsync(Tenant, new ContactChangeSet
        {
            ReferralsAdded = [new Referral(c[0].Id, c[1].Id, h.Clock.GetCurrentInstant())],
            VersionChecks = [ContactChangeSet.ReferralGraphCheck(version)],
        }, CancellationToken.None);

        (await act.Should().ThrowAsync<ConcurrencyConflictException>()).Which.Entity.Should().Be("referral");
        (await h.Store.GetGraphVersionAsync(Tenant, CancellationToken.None)).Should().Be(version);
    }

    [Fact]
    public async Task Save_EdgesWithoutAdvancingTheGraphCounter_IsRefusedAsMalformed()
    {
        var h = NewHarness();
        var c = await h.CreateManyAsync(2);

        var act = async () => await h.Store.SaveAsync(Tenant, new ContactChangeSet
        {
            ReferralsAdded = [new Referral(c[1].Id, c[0].Id, h.Clock.GetCurrentInstant())],
            VersionChecks = [ContactChangeSet.ReferralGraphCheck(0, advance: false)],
        }, CancellationToken.None);

        await act.Should().ThrowAsync<ArgumentException>().WithMessage("*contacts.referral_graph*");
    }
}
