using Crm.Interactions.Journey;
using Crm.Interactions.Storage;
using Crm.Storage;
using FsCheck.Xunit;
using NodaTime;

namespace Crm.Interactions.Tests.Journey;

public sealed class JourneyManagerTests
{
    private static readonly TenantId Tenant = new("journey-tests");
    private static readonly Instant T0 = Instant.FromUtc(2025, 3, 1, 0, 0);

    [Fact]
    public async Task GetJourney_WithAdvocacyEvidenceAfterThePurchase_ReachesAdvocacyAndPostPurchaseAtIt()
    {
        var facts = new JourneyFacts(At(1), At(2), At(3), At(9), At(8));
        var manager = new JourneyManager(new FixedStore(facts), [new Evidence(At(5)), new Evidence(At(6)), new Evidence(null)]);

        var journey = await manager.GetJourneyAsync(Tenant, ContactId.New());

        journey.Stage.Should().Be(JourneyStage.Advocacy);
        journey.PostPurchaseAt.Should().Be(At(5), "the referral is the first touchpoint after the purchase");
        journey.AdvocacyAt.Should().Be(At(5));
    }

    [Fact]
    public async Task GetJourney_WithoutAPurchase_DoesNotAskTheSignals()
    {
        var signal = new Evidence(At(5));
        var manager = new JourneyManager(new FixedStore(new JourneyFacts(At(1), null, null, null, null)), [signal]);

        var journey = await manager.GetJourneyAsync(Tenant, ContactId.New());

        journey.Stage.Should().Be(JourneyStage.Awareness);
        signal.Asked.Should().Be(0);
    }

    [Fact]
    public async Task GetJourney_WhenASignalAnswersBeforeThePurchase_RefusesTheAnswer()
    {
        var manager = new JourneyManager(new FixedStore(new JourneyFacts(At(1), At(1), At(3), null, null)), [new Evidence(At(3))]);

        var read = () => manager.GetJourneyAsync(Tenant, ContactId.New());

        await read.Should().ThrowAsync<InvalidOperationException>().WithMessage("*advocacy signal*");
    }

    [Fact]
    public async Task ListReEngagementCandidates_WhenTheStoreReturnsAContactOutsideTheQuery_RefusesThePage()
    {
        var query = new ReEngagementQuery(At(100), Duration.FromDays(10), Duration.FromDays(30), 2);
        var store = new FixedStore(JourneyFacts.None) { Candidates = [new ReEngagementCandidate(ContactId.New(), At(95), 3)] };

        var list = () => new JourneyManager(store, []).ListReEngagementCandidatesAsync(Tenant, query, PageRequest.First());

        await list.Should().ThrowAsync<InvalidOperationException>().WithMessage("*breaks its contract*");
    }

    [Fact]
    public void ReEngagementQuery_WithoutPositiveWindowsOrK_IsRefused()
    {
        var noQuiet = () => new ReEngagementQuery(T0, Duration.Zero, Duration.FromDays(1));
        var noLookback = () => new ReEngagementQuery(T0, Duration.FromDays(1), Duration.FromDays(-1));
        var noActivity = () => new ReEngagementQuery(T0, Duration.FromDays(1), Duration.FromDays(1), 0);

        noQuiet.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("quietPeriod");
        noLookback.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("lookback");
        noActivity.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("minimumActivities");
        new ReEngagementQuery(At(40), Duration.FromDays(10), Duration.FromDays(20)).LookbackFrom.Should().Be(At(10));
    }

    [Fact]
    public void ContactJourney_WithAStageBeforeOrWithoutTheOneBeforeIt_IsRefused()
    {
        var noPurchase = () => new ContactJourney(Tenant, ContactId.New(), At(1), At(2), null, At(4), null);
        var backwards = () => new ContactJourney(Tenant, ContactId.New(), At(2), At(1), null, null, null);

        noPurchase.Should().Throw<ArgumentException>();
        backwards.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void JourneyFacts_AfterPurchaseWithoutAPurchaseBeforeIt_AreRefused()
    {
        var withoutPurchase = () => new JourneyFacts(At(1), At(1), null, At(2), null);
        var notAfter = () => new JourneyFacts(At(1), At(1), At(3), null, At(3));

        withoutPurchase.Should().Throw<ArgumentException>().WithParameterName("firstTouchpointAfterPurchaseAt");
        notAfter.Should().Throw<ArgumentException>().WithParameterName("firstPromoterAfterPurchaseAt");
    }

    /// <summary>Whatever the facts and the evidence, the stages are reached in order, never earlier than the one before, and the stage is the furthest reached.</summary>
    [Property(MaxTest = 300)]
    public bool AnyFacts_GiveStagesInOrder(byte? touchpoint, byte? engagement, byte? purchase, byte afterPurchase, byte promoter, byte evidence, bool hasAfter, bool hasPromoter, bool hasEvidence)
    {
        Instant? p = purchase is { } x ? At(x) : null;
        var facts = new JourneyFacts(
            touchpoint is { } t ? At(t) : null,
            engagement is { } e ? At(e) : null,
            p,
            p is { } a && hasAfter ? a + Duration.FromDays(afterPurchase + 1) : null,
            p is { } b && hasPromoter ? b + Duration.FromDays(promoter + 1) : null);
        var signals = p is { } c && hasEvidence ? new IAdvocacySignal[] { new Evidence(c + Duration.FromDays(evidence + 1)) } : [];

        var journey = new JourneyManager(new FixedStore(facts), signals).GetJourneyAsync(Tenant, ContactId.New()).GetAwaiter().GetResult();

        var reached = Enum.GetValues<JourneyStage>().Select(journey.ReachedAt).ToList();
        var furthest = reached.FindLastIndex(static r => r is not null);
        return reached.Take(furthest + 1).All(static r => r is not null)
            && reached.Skip(furthest + 1).All(static r => r is null)
            && reached.Take(furthest + 1).Zip(reached.Skip(1).Take(furthest)).All(static pair => pair.First <= pair.Second)
            && journey.Stage == (furthest < 0 ? null : (JourneyStage)(furthest + 1))
            && journey.PurchaseAt == facts.FirstPurchaseAt;
    }

    private static Instant At(int day) => T0 + Duration.FromDays(day);

    private sealed class Evidence(Instant? at) : IAdvocacySignal
    {
        public int Asked { get; private set; }

        public ValueTask<Instant?> FindFirstAdvocacyAsync(TenantId tenantId, ContactId contactId, Instant after, CancellationToken cancellationToken)
        {
            Asked++;
            return ValueTask.FromResult(at);
        }
    }

    private sealed class FixedStore(JourneyFacts facts) : IJourneyStore
    {
        public IReadOnlyList<ReEngagementCandidate> Candidates { get; init; } = [];

        public ValueTask<JourneyFacts> GetJourneyFactsAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken) => ValueTask.FromResult(facts);

        public ValueTask<Page<ReEngagementCandidate>> ListReEngagementCandidatesAsync(TenantId tenantId, ReEngagementQuery query, PageRequest page, CancellationToken cancellationToken)
            => ValueTask.FromResult(new Page<ReEngagementCandidate>(Candidates, null));
    }
}
