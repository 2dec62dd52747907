using Crm.Contacts.Events;
using Crm.Contacts.Referrals;
using Crm.Contacts.Storage;
using Crm.Contacts.Tests.TestSupport;
using Crm.Storage;
using NodaTime;
using static Crm.Contacts.Tests.TestSupport.ContactsHarness;

namespace Crm.Contacts.Tests.Referrals;

public sealed class ReferralRequestTests
{
    [Fact]
    public async Task Ask_CreatesAPendingRequest()
    {
        var h = new ContactsHarness();
        var ids = await h.SeedAsync(1);

        var request = await h.Referrals.AskForReferralAsync(TenantA, ids[0], "email");

        request.Outcome.Should().Be(ReferralRequestOutcome.Pending);
        request.AnsweredAt.Should().BeNull();
        request.Channel.Should().Be("email");
        h.Events.OfType<ReferralRequestRecorded>().Should().ContainSingle(e => e.RequestId == request.Id);
    }

    [Theory]
    [InlineData("")]
    [InlineData("E-Mail")]
    [InlineData("a channel with spaces")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789")]
    public async Task Ask_BadChannel_ThrowsNamingTheRule(string channel)
    {
        var h = new ContactsHarness();
        var ids = await h.SeedAsync(1);

        var ex = (await FluentActions.Awaiting(() => h.Referrals.AskForReferralAsync(TenantA, ids[0], channel)).Should().ThrowAsync<ArgumentException>()).Which;

        ex.ParamName.Should().Be("channel");
        ex.Message.Should().Contain("[a-z0-9._-]");
    }

    [Fact]
    public async Task Answer_IsRecordedOnce()
    {
        var h = new ContactsHarness();
        var ids = await h.SeedAsync(1);
        var request = await h.Referrals.AskForReferralAsync(TenantA, ids[0]);

        var answered = await h.Referrals.RecordReferralRequestAnswerAsync(TenantA, request.Id, ReferralRequestOutcome.Declined, request.ConcurrencyStamp);
        var again = () => h.Referrals.RecordReferralRequestAnswerAsync(TenantA, request.Id, ReferralRequestOutcome.Accepted, answered.ConcurrencyStamp);

        answered.Outcome.Should().Be(ReferralRequestOutcome.Declined);
        answered.AnsweredAt.Should().NotBeNull();
        (await again.Should().ThrowAsync<ReferralRequestAlreadyAnsweredException>()).Which.Outcome.Should().Be(ReferralRequestOutcome.Declined);
    }

    [Fact]
    public async Task Answer_WithStaleStamp_ThrowsAndChangesNothing()
    {
        var h = new ContactsHarness();
        var ids = await h.SeedAsync(1);
        var request = await h.Referrals.AskForReferralAsync(TenantA, ids[0]);

        var act = () => h.Referrals.RecordReferralRequestAnswerAsync(TenantA, request.Id, ReferralRequestOutcome.Accepted, ConcurrencyStamp.New());

        await act.Should().ThrowAsync<ConcurrencyConflictException>();
        (await ((IReferralStore)h.Store).FindReferralRequestAsync(TenantA, request.Id, CancellationToken.None)).Should().Be(request);
    }

    [Fact]
    public async Task Answer_PendingOrUnknown_Throws()
    {
        var h = new ContactsHarness();
        var ids = await h.SeedAsync(1);
        var request = await h.Referrals.AskForReferralAsync(TenantA, ids[0]);

        await FluentActions.Awaiting(() => h.Referrals.RecordReferralRequestAnswerAsync(TenantA, request.Id, ReferralRequestOutcome.Pending, request.ConcurrencyStamp))
            .Should().ThrowAsync<ArgumentOutOfRangeException>();
        await FluentActions.Awaiting(() => h.Referrals.RecordReferralRequestAnswerAsync(TenantA, ReferralRequestId.New(), ReferralRequestOutcome.Accepted, request.ConcurrencyStamp))
            .Should().ThrowAsync<ReferralRequestNotFoundException>();
        await FluentActions.Awaiting(() => h.Referrals.RecordReferralRequestAnswerAsync(TenantB, request.Id, ReferralRequestOutcome.Accepted, request.ConcurrencyStamp))
            .Should().ThrowAsync<ReferralRequestNotFoundException>();
    }

    [Fact]
    public async Task Stats_ShowWhoRespondsAndWhichReferralsFollowed()
    {
        var h = new ContactsHarness();
        var ids = await h.SeedAsync(4);
        var asked1 = await h.Referrals.AskForReferralAsync(TenantA, ids[0], "email");
        var asked2 = await h.Referrals.AskForReferralAsync(TenantA, ids[0], "sms");
        var asked3 = await h.Referrals.AskForReferralAsync(TenantA, ids[0]);
        h.Clock.Advance(Duration.FromDays(2));
        await h.Referrals.RecordReferralRequestAnswerAsync(TenantA, asked1.Id, ReferralRequestOutcome.Accepted, asked1.ConcurrencyStamp);
        await h.Referrals.RecordReferralRequestAnswerAsync(TenantA, asked2.Id, ReferralRequestOutcome.NoAnswer, asked2.ConcurrencyStamp);
        await h.Referrals.RecordReferralAsync(TenantA, ids[1], ids[0], asked1.Id);
        await h.Referrals.RecordReferralAsync(TenantA, ids[2], ids[0], asked1.Id);
        await h.Referrals.RecordReferralAsync(TenantA, ids[3], ids[0]);

        var stats = await h.Analytics.GetReferralRequestStatsAsync(TenantA, ids[0]);

        stats.Should().Be(new ReferralRequestStats(Asked: 3, Accepted: 1, Declined: 0, NoAnswer: 1, Pending: 1, ReferralsFollowed: 2));
        stats.ResponseRate.Should().Be(0.5);
        stats.ReferralsPerRequest.Should().BeApproximately(2.0 / 3, 1e-12);
        (await h.Analytics.GetReferralRequestStatsAsync(TenantA, ids[1])).ResponseRate.Should().BeNull();
        asked3.Outcome.Should().Be(ReferralRequestOutcome.Pending);
    }

    [Fact]
    public async Task RecordReferral_WithARequestMadeToSomeoneElse_Throws()
    {
        var h = new ContactsHarness();
        var ids = await h.SeedAsync(3);
        var askedOther = await h.Referrals.AskForReferralAsync(TenantA, ids[2]);

        var ex = (await FluentActions.Awaiting(() => h.Referrals.RecordReferralAsync(TenantA, ids[1], ids[0], askedOther.Id)).Should().ThrowAsync<ArgumentException>()).Which;

        ex.ParamName.Should().Be("requestId");
        (await h.Referrals.FindReferralAsync(TenantA, ids[1])).Should().BeNull();
    }
}
