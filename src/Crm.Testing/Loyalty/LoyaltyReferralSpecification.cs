using Crm.Contacts;
using Crm.Contacts.InMemory;
using Crm.Contacts.Referrals;
using Crm.Loyalty;
using Crm.Loyalty.Events;
using Crm.Loyalty.Referrals;
using Crm.Loyalty.Storage;
using Crm.Outbox;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Crm.Testing.Loyalty;

/// <summary>
/// The referral-reward contract of a loyalty store: attribution binds once, rejections are stored with their reason, a
/// qualifying purchase pays both sides once after its return window, a refund within the window voids it, chain rewards
/// and per-period caps hold, and concurrent settlements pay nothing twice.
/// </summary>
/// <typeparam name="TStore">A loyalty store with the referral capability and an outbox.</typeparam>
/// <remarks>The contacts and the referral graph live in an <see cref="InMemoryContactStore"/>: only the loyalty store is under test.</remarks>
public abstract class LoyaltyReferralSpecification<TStore> : LoyaltySpecificationBase<TStore>
    where TStore : class, ILoyaltyStore, ILoyaltyReferralStore, IOutboxStore
{
    /// <summary>The return window of the referral rewards in these tests.</summary>
    protected static readonly Duration Window = Duration.FromDays(14);

    private readonly InMemoryContactStore _contacts = new();

    /// <summary>Options paying 50 to the referee and 100 to the referrer for a first purchase of at least €20, after 14 days.</summary>
    protected static ReferralRewardOptions DefaultOptions() => new() { MinimumPurchase = 20m, RefereePoints = 50, ReferrerPoints = 100, ReturnWindow = Window };

    /// <summary>A referral manager over <paramref name="store"/> with the built-in abuse checks.</summary>
    protected ReferralRewardManager CreateReferrals(TStore store, ReferralRewardOptions? options = null)
        => new(CreateManager(store), store, _contacts, _contacts, ReferralAbuseChecks.CreateDefaults(), Clock, EventIds, NullLogger<ReferralRewardManager>.Instance, Options.Create(options ?? DefaultOptions()));

    /// <summary>A new contact in the contact store.</summary>
    protected async Task<ContactId> NewContactAsync(string? email = null, string? phone = null)
    {
        var contacts = new ContactManager(_contacts, Clock, EventIds, NullLogger<ContactManager>.Instance, Options.Create(new ContactOptions { DefaultPhoneRegion = "GB" }));
        var draft = new ContactDraft { Emails = email is null ? [] : [email], PhoneNumbers = phone is null ? [] : [phone] };
        return (await contacts.CreateAsync(TenantA, draft).ConfigureAwait(false)).Id;
    }

    /// <summary>Records a referral edge in the Crm.Contacts graph.</summary>
    protected Task RecordEdgeAsync(ContactId refereeId, ContactId referrerId)
        => new ReferralManager(_contacts, _contacts, Clock, EventIds, NullLogger<ReferralManager>.Instance).RecordReferralAsync(TenantA, refereeId, referrerId);

    private async Task<IReadOnlyList<Crm.Events.CrmEvent>> ClaimEventsAsync(TStore store)
    {
        var now = Clock.GetCurrentInstant();
        var messages = await store.ClaimAsync(1000, now, now + Duration.FromMinutes(5), CancellationToken.None).ConfigureAwait(false);
        return [.. messages.Select(m => m.Event)];
    }

    private Task<LoyaltyReferral?> BuyAsync(ReferralRewardManager referrals, ContactId referee, string id, decimal euros)
        => referrals.RecordPurchaseAsync(TenantA, referee, "purchase", id, new Money(euros, Eur), Clock.GetCurrentInstant());

    /// <summary>The first referral wins; a later claim naming another referrer is rejected, stored once with its reason, and written as an event.</summary>
    [Fact]
    public async Task Attribution_binds_once_and_later_claims_are_rejected_and_recorded()
    {
        var store = CreateStore();
        var referrals = CreateReferrals(store);
        var (referee, first, second) = (await NewContactAsync().ConfigureAwait(false), await NewContactAsync().ConfigureAwait(false), await NewContactAsync().ConfigureAwait(false));

        var bound = await referrals.AttributeAsync(TenantA, new ReferralClaim(referee, first, "claim-1")).ConfigureAwait(false);
        var repeat = await referrals.AttributeAsync(TenantA, new ReferralClaim(referee, first, "claim-1")).ConfigureAwait(false);
        var later = await referrals.AttributeAsync(TenantA, new ReferralClaim(referee, second, "claim-2")).ConfigureAwait(false);
        var redelivered = await referrals.AttributeAsync(TenantA, new ReferralClaim(referee, second, "claim-2")).ConfigureAwait(false);

        bound.Outcome.Should().Be(ReferralAttributionOutcome.Attributed);
        repeat.Outcome.Should().Be(ReferralAttributionOutcome.Attributed);
        later.Outcome.Should().Be(ReferralAttributionOutcome.Rejected);
        later.Rejection!.Code.Should().Be(ReferralRejectionCodes.AlreadyAttributed);
        redelivered.Rejection.Should().Be(later.Rejection);
        (await referrals.GetReferralAsync(TenantA, referee).ConfigureAwait(false))!.ReferrerId.Should().Be(first);
        (await referrals.GetRejectionsAsync(TenantA, second).ConfigureAwait(false)).Should().ContainSingle().Which.Code.Should().Be(ReferralRejectionCodes.AlreadyAttributed);
        (await referrals.GetRejectionsAsync(TenantA, referee).ConfigureAwait(false)).Should().ContainSingle();
        (await ClaimEventsAsync(store).ConfigureAwait(false)).OfType<ReferralRejected>().Should().ContainSingle().Which.ReferrerId.Should().Be(second);
        (await referrals.GetReferralAsync(TenantB, referee).ConfigureAwait(false)).Should().BeNull("tenants are isolated");
    }

    /// <summary>Self-referral, a multi-hop cycle through the Contacts graph, a shared e-mail (+tag stripped), phone or fingerprint are each rejected with their reason.</summary>
    [Fact]
    public async Task Abuse_checks_reject_each_pattern_with_its_reason()
    {
        var store = CreateStore();
        var referrals = CreateReferrals(store);
        var a = await NewContactAsync("ann@example.com", "+44 20 7946 0001").ConfigureAwait(false);
        var b = await NewContactAsync("bob@example.com").ConfigureAwait(false);
        var c = await NewContactAsync("cat@example.com").ConfigureAwait(false);
        await RecordEdgeAsync(b, a).ConfigureAwait(false);   // a referred b
        await RecordEdgeAsync(c, b).ConfigureAwait(false);   // b referred c
        var alias = await NewContactAsync("Ann+promo@Example.com").ConfigureAwait(false);
        var samePhone = await NewContactAsync("other@example.com", "+442079460001").ConfigureAwait(false);
        var device = await NewContactAsync("dev@example.com").ConfigureAwait(false);

        async Task<string?> CodeAsync(ReferralClaim claim) => (await referrals.AttributeAsync(TenantA, claim).ConfigureAwait(false)).Rejection?.Code;

        (await CodeAsync(new ReferralClaim(a, a, "self")).ConfigureAwait(false)).Should().Be(ReferralRejectionCodes.SelfReferral);
        (await CodeAsync(new ReferralClaim(a, c, "cycle")).ConfigureAwait(false)).Should().Be(ReferralRejectionCodes.Cycle, "a is two hops up c's chain");
        (await CodeAsync(new ReferralClaim(alias, a, "email")).ConfigureAwait(false)).Should().Be(ReferralRejectionCodes.SharedEmail);
        (await CodeAsync(new ReferralClaim(samePhone, a, "phone")).ConfigureAwait(false)).Should().Be(ReferralRejectionCodes.SharedPhone);
        var fingerprinted = new ReferralClaim(device, b, "fingerprint")
        {
            RefereeFingerprints = new HashSet<string>(["card-9f2"], StringComparer.Ordinal),
            ReferrerFingerprints = new HashSet<string>(["dev-1", "card-9f2"], StringComparer.Ordinal),
        };
        (await CodeAsync(fingerprinted).ConfigureAwait(false)).Should().Be(ReferralRejectionCodes.SharedFingerprint);
        (await CodeAsync(new ReferralClaim(device, c, "clean")).ConfigureAwait(false)).Should().BeNull("nothing is shared");

        (await ClaimEventsAsync(store).ConfigureAwait(false)).OfType<ReferralRejected>().Select(e => e.Code).Should().Equal(
            ReferralRejectionCodes.SelfReferral, ReferralRejectionCodes.Cycle, ReferralRejectionCodes.SharedEmail, ReferralRejectionCodes.SharedPhone, ReferralRejectionCodes.SharedFingerprint);
        (await referrals.GetReferralAsync(TenantA, alias).ConfigureAwait(false)).Should().BeNull("a rejected claim binds nothing");
    }

    /// <summary>The first qualifying purchase pays both sides once its return window has passed, exactly once however often settlement runs.</summary>
    [Fact]
    public async Task A_qualifying_purchase_pays_both_sides_once_after_the_window()
    {
        var store = CreateStore();
        var referrals = CreateReferrals(store);
        var loyalty = CreateManager(store);
        var (referee, referrer) = (await NewContactAsync().ConfigureAwait(false), await NewContactAsync().ConfigureAwait(false));
        await referrals.AttributeAsync(TenantA, new ReferralClaim(referee, referrer, "claim")).ConfigureAwait(false);

        (await BuyAsync(referrals, referee, "small", 19.99m).ConfigureAwait(false))!.Status.Should().Be(ReferralStatus.Attributed, "below the minimum");
        var qualified = await BuyAsync(referrals, referee, "first", 25m).ConfigureAwait(false);
        (await BuyAsync(referrals, referee, "second", 90m).ConfigureAwait(false))!.PurchaseKey.Should().Be("purchase:first", "only the first qualifying purchase counts");
        qualified!.Status.Should().Be(ReferralStatus.Qualified);

        (await referrals.SettleReferralRewardsAsync(TenantA).ConfigureAwait(false)).Settled.Should().BeEmpty("the window is still open");
        Clock.Advance(Window);
        var settled = await referrals.SettleReferralRewardsAsync(TenantA).ConfigureAwait(false);
        var again = await referrals.SettleReferralRewardsAsync(TenantA).ConfigureAwait(false);

        settled.Settled.Should().ContainSingle().Which.Status.Should().Be(ReferralStatus.Paid);
        settled.Rewards.Should().HaveCount(2);
        again.Settled.Should().BeEmpty();
        (await loyalty.GetBalanceAsync(TenantA, referee).ConfigureAwait(false)).Available.Should().Be(50);
        (await loyalty.GetBalanceAsync(TenantA, referrer).ConfigureAwait(false)).Available.Should().Be(100);
        await AssertReconcilesAsync(loyalty, TenantA, referrer).ConfigureAwait(false);
        var paid = (await ClaimEventsAsync(store).ConfigureAwait(false)).OfType<ReferralRewardPaid>().ToList();
        paid.Select(e => (e.ContactId, e.Depth, e.Points)).Should().BeEquivalentTo([(referee, 0, 50L), (referrer, 1, 100L)]);
        paid.Should().OnlyContain(e => e.RefereeId == referee);
    }

    /// <summary>A settlement that paid but stopped before marking the referral paid (a crash) pays nothing more when it runs again: the reward keys come from the referral.</summary>
    [Fact]
    public async Task A_settlement_repeated_after_a_crash_pays_nothing_twice()
    {
        var store = CreateStore();
        var referrals = CreateReferrals(store);
        var loyalty = CreateManager(store);
        var (referee, referrer) = (await NewContactAsync().ConfigureAwait(false), await NewContactAsync().ConfigureAwait(false));
        await referrals.AttributeAsync(TenantA, new ReferralClaim(referee, referrer, "claim")).ConfigureAwait(false);
        await BuyAsync(referrals, referee, "o", 20m).ConfigureAwait(false);
        Clock.Advance(Window);
        await referrals.SettleReferralRewardsAsync(TenantA).ConfigureAwait(false);

        // Put the referral back to where a crash between the payments and the mark would have left it.
        var paid = (await store.FindReferralAsync(TenantA, referee, CancellationToken.None).ConfigureAwait(false))!;
        var reopened = paid with { Status = ReferralStatus.Qualified, SettledAt = null };
        var counter = new Crm.Storage.VersionCheck(ReferralChangeSet.ReferralCounter(referee), paid.Version, advance: true);
        await store.SaveReferralAsync(TenantA, new ReferralChangeSet { Referral = reopened, VersionChecks = [counter] }, CancellationToken.None).ConfigureAwait(false);
        var again = await referrals.SettleReferralRewardsAsync(TenantA).ConfigureAwait(false);

        again.Settled.Should().ContainSingle("the referral is marked paid now");
        again.Rewards.Select(e => e.Id).Should().BeEquivalentTo((await AllEntriesAsync(loyalty, TenantA, referee).ConfigureAwait(false)).Concat(await AllEntriesAsync(loyalty, TenantA, referrer).ConfigureAwait(false)).Select(e => e.Id), "the first entries are returned");
        (await loyalty.GetBalanceAsync(TenantA, referee).ConfigureAwait(false)).Total.Should().Be(50);
        (await loyalty.GetBalanceAsync(TenantA, referrer).ConfigureAwait(false)).Total.Should().Be(100);
    }

    /// <summary>A refund of the qualifying purchase within the window voids the referral: nothing is paid, and an event says so; a refund after the window changes nothing.</summary>
    [Fact]
    public async Task A_refund_within_the_window_voids_the_reward()
    {
        var store = CreateStore();
        var referrals = CreateReferrals(store);
        var (voidedReferee, keptReferee, referrer) = (await NewContactAsync().ConfigureAwait(false), await NewContactAsync().ConfigureAwait(false), await NewContactAsync().ConfigureAwait(false));
        await referrals.AttributeAsync(TenantA, new ReferralClaim(voidedReferee, referrer, "c-1")).ConfigureAwait(false);
        await referrals.AttributeAsync(TenantA, new ReferralClaim(keptReferee, referrer, "c-2")).ConfigureAwait(false);
        await BuyAsync(referrals, voidedReferee, "o-1", 30m).ConfigureAwait(false);
        await BuyAsync(referrals, keptReferee, "o-2", 30m).ConfigureAwait(false);

        var partial = await referrals.RecordRefundAsync(TenantA, voidedReferee, "purchase", "o-1", new Money(25m, Eur), Clock.GetCurrentInstant()).ConfigureAwait(false);
        partial!.Status.Should().Be(ReferralStatus.Qualified, "€25 left still qualifies");
        var voided = await referrals.RecordRefundAsync(TenantA, voidedReferee, "purchase", "o-1", new Money(0m, Eur), Clock.GetCurrentInstant()).ConfigureAwait(false);
        voided!.Status.Should().Be(ReferralStatus.Voided);
        Clock.Advance(Window);
        var late = await referrals.RecordRefundAsync(TenantA, keptReferee, "purchase", "o-2", new Money(0m, Eur), Clock.GetCurrentInstant()).ConfigureAwait(false);
        late!.Status.Should().Be(ReferralStatus.Qualified, "the window had passed");

        var settled = await referrals.SettleReferralRewardsAsync(TenantA).ConfigureAwait(false);
        settled.Settled.Select(r => r.RefereeId).Should().Equal(keptReferee);
        (await CreateManager(store).GetBalanceAsync(TenantA, voidedReferee).ConfigureAwait(false)).Total.Should().Be(0);
        (await ClaimEventsAsync(store).ConfigureAwait(false)).OfType<ReferralRewardVoided>().Should().ContainSingle().Which.RefereeId.Should().Be(voidedReferee);
    }

    /// <summary>Chain rewards go up the Crm.Contacts graph no deeper than configured.</summary>
    [Fact]
    public async Task Chain_rewards_stop_at_the_depth_cap()
    {
        var store = CreateStore();
        var options = DefaultOptions();
        options.ChainPoints = [20];
        var referrals = CreateReferrals(store, options);
        var loyalty = CreateManager(store);
        var (root, grand, parent, referee) = (await NewContactAsync().ConfigureAwait(false), await NewContactAsync().ConfigureAwait(false), await NewContactAsync().ConfigureAwait(false), await NewContactAsync().ConfigureAwait(false));
        await RecordEdgeAsync(grand, root).ConfigureAwait(false);
        await RecordEdgeAsync(parent, grand).ConfigureAwait(false);
        await RecordEdgeAsync(referee, parent).ConfigureAwait(false);
        await referrals.AttributeAsync(TenantA, new ReferralClaim(referee, parent, "claim")).ConfigureAwait(false);
        await BuyAsync(referrals, referee, "o", 40m).ConfigureAwait(false);
        Clock.Advance(Window);

        await referrals.SettleReferralRewardsAsync(TenantA).ConfigureAwait(false);

        (await loyalty.GetBalanceAsync(TenantA, parent).ConfigureAwait(false)).Total.Should().Be(100);
        (await loyalty.GetBalanceAsync(TenantA, grand).ConfigureAwait(false)).Total.Should().Be(20, "depth 2");
        (await loyalty.GetBalanceAsync(TenantA, root).ConfigureAwait(false)).Total.Should().Be(0, "depth 3 is beyond the cap");
    }

    /// <summary>A per-period cap limits what one referrer is paid; the referees are still paid.</summary>
    [Fact]
    public async Task A_per_period_cap_limits_the_referrer_but_not_the_referees()
    {
        var store = CreateStore();
        var options = DefaultOptions();
        options.ReferrerCaps = [new ReferralRewardCap(Crm.Loyalty.Program.CapPeriod.Month, 2)];
        var referrals = CreateReferrals(store, options);
        var loyalty = CreateManager(store);
        var referrer = await NewContactAsync().ConfigureAwait(false);
        var referees = new List<ContactId>();
        for (var i = 0; i < 3; i++)
        {
            var referee = await NewContactAsync().ConfigureAwait(false);
            referees.Add(referee);
            await referrals.AttributeAsync(TenantA, new ReferralClaim(referee, referrer, $"c-{i}")).ConfigureAwait(false);
            await BuyAsync(referrals, referee, $"o-{i}", 20m).ConfigureAwait(false);
        }

        Clock.Advance(Window);
        var settled = await referrals.SettleReferralRewardsAsync(TenantA).ConfigureAwait(false);

        settled.Settled.Should().HaveCount(3);
        settled.Capped.Should().Be(1);
        (await loyalty.GetBalanceAsync(TenantA, referrer).ConfigureAwait(false)).Total.Should().Be(200);
        foreach (var referee in referees)
        {
            (await loyalty.GetBalanceAsync(TenantA, referee).ConfigureAwait(false)).Total.Should().Be(50);
        }
    }

    /// <summary>Settlements racing each other pay every reward exactly once.</summary>
    [Fact]
    public async Task Parallel_settlements_pay_each_reward_once()
    {
        var store = CreateStore();
        var referrals = CreateReferrals(store);
        var referrer = await NewContactAsync().ConfigureAwait(false);
        var referees = new List<ContactId>();
        for (var i = 0; i < 4; i++)
        {
            var referee = await NewContactAsync().ConfigureAwait(false);
            referees.Add(referee);
            await referrals.AttributeAsync(TenantA, new ReferralClaim(referee, referrer, $"c-{i}")).ConfigureAwait(false);
            await BuyAsync(referrals, referee, $"o-{i}", 20m).ConfigureAwait(false);
        }

        Clock.Advance(Window);
        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => CreateReferrals(store).SettleReferralRewardsAsync(TenantA)))).ConfigureAwait(false);

        var loyalty = CreateManager(store);
        (await loyalty.GetBalanceAsync(TenantA, referrer).ConfigureAwait(false)).Total.Should().Be(400);
        foreach (var referee in referees)
        {
            (await loyalty.GetBalanceAsync(TenantA, referee).ConfigureAwait(false)).Total.Should().Be(50);
            (await referrals.GetReferralAsync(TenantA, referee).ConfigureAwait(false))!.Status.Should().Be(ReferralStatus.Paid);
        }

        await AssertReconcilesAsync(loyalty, TenantA, referrer).ConfigureAwait(false);
    }
}
