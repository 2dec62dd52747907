using Crm.Interactions;
using Crm.Interactions.Coverage;
using Crm.Interactions.Feedback;
using Crm.Interactions.Journey;
using Crm.Interactions.Purchases;
using Crm.Interactions.Storage;
using Crm.Storage;
using NodaTime;

namespace Crm.Testing.Interactions;

/// <summary>
/// The contract of <see cref="IJourneyStore"/> and <see cref="IRelationshipCoverageStore"/>: the first facts a journey is
/// derived from (notes ignored, refunded purchases skipped, promoters only after the purchase), re-engagement candidates
/// and single-threaded relationships as keyset pages in contact id order, and tenant isolation. The facts are recorded
/// through the managers a host uses, so the journey read here is the one a host gets. Inherit it in the store's test
/// project and implement <see cref="InteractionSpecificationBase{TStore}.CreateStore"/>.
/// </summary>
/// <typeparam name="TStore">The store under test.</typeparam>
public abstract class JourneyStoreSpecification<TStore> : InteractionSpecificationBase<TStore>
    where TStore : class, IInteractionStore, IVersionCounterStore, IJourneyStore, IRelationshipCoverageStore
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly CurrencyCode Eur = CurrencyCode.Parse("EUR");

    /// <summary>A contact without facts has no stage; facts of another tenant do not leak.</summary>
    [Fact]
    public async Task A_contact_without_touchpoints_has_no_stage()
    {
        var store = CreateStore();
        var contact = ContactId.New();
        await RecordAsync(store, TenantB, contact, Ago(10), InteractionKind.Call, InteractionDirection.Inbound).ConfigureAwait(false);

        var journey = await JourneyManagerOver(store).GetJourneyAsync(TenantA, contact).ConfigureAwait(false);

        journey.Stage.Should().BeNull();
        (await store.GetJourneyFactsAsync(TenantA, contact, None).ConfigureAwait(false)).Should().BeEquivalentTo(JourneyFacts.None);
    }

    /// <summary>Each stage is reached at its first fact: notes are no touchpoint, outbound contact is awareness only, a fully refunded purchase is no purchase, and only a promoter after the purchase is advocacy.</summary>
    [Fact]
    public async Task Each_stage_is_reached_at_its_first_fact()
    {
        var store = CreateStore();
        var contact = ContactId.New();
        var purchases = CreatePurchaseManager(store);
        await RecordAsync(store, TenantA, contact, Ago(100), InteractionKind.Note, InteractionDirection.Inbound).ConfigureAwait(false);
        await RecordAsync(store, TenantA, contact, Ago(90), InteractionKind.Email, InteractionDirection.Outbound).ConfigureAwait(false);
        await RecordFeedbackAsync(store, contact, Ago(85), FeedbackSurvey.Nps, 10).ConfigureAwait(false);
        var refunded = await purchases.RecordPurchaseAsync(TenantA, new PurchaseDraft { ContactId = contact, Amount = new Money(40m, Eur), OccurredAt = Ago(80) }).ConfigureAwait(false);
        await purchases.RefundAsync(TenantA, refunded.Id, 40m, refundedAt: Ago(79)).ConfigureAwait(false);
        var partly = await purchases.RecordPurchaseAsync(TenantA, new PurchaseDraft { ContactId = contact, Amount = new Money(25m, Eur), OccurredAt = Ago(70) }).ConfigureAwait(false);
        await purchases.RefundAsync(TenantA, partly.Id, 5m, refundedAt: Ago(60)).ConfigureAwait(false);
        await RecordAsync(store, TenantA, contact, Ago(65), InteractionKind.Note, InteractionDirection.Internal).ConfigureAwait(false);
        await RecordFeedbackAsync(store, contact, Ago(50), FeedbackSurvey.Nps, 8).ConfigureAwait(false);
        await RecordFeedbackAsync(store, contact, Ago(40), FeedbackSurvey.Csat, 5).ConfigureAwait(false);
        await RecordFeedbackAsync(store, contact, Ago(30), FeedbackSurvey.Nps, 9).ConfigureAwait(false);

        var facts = await store.GetJourneyFactsAsync(TenantA, contact, None).ConfigureAwait(false);
        var journey = await JourneyManagerOver(store).GetJourneyAsync(TenantA, contact).ConfigureAwait(false);

        facts.Should().BeEquivalentTo(new JourneyFacts(Ago(90), Ago(85), Ago(70), Ago(60), Ago(30)));
        journey.Stage.Should().Be(JourneyStage.Advocacy);
        new[] { journey.AwarenessAt, journey.EngagementAt, journey.PurchaseAt, journey.PostPurchaseAt, journey.AdvocacyAt }
            .Should().Equal(Ago(90), Ago(85), Ago(70), Ago(60), Ago(30));
        (await store.GetJourneyFactsAsync(TenantB, contact, None).ConfigureAwait(false)).Should().BeEquivalentTo(JourneyFacts.None);
    }

    /// <summary>A meeting engages whatever its direction; a contact that only bought (no earlier touchpoint) is aware and engaged at the purchase, and without a later touchpoint stays at the purchase stage.</summary>
    [Fact]
    public async Task A_purchase_alone_reaches_the_purchase_stage_and_a_meeting_engages()
    {
        var store = CreateStore();
        var buyer = ContactId.New();
        var met = ContactId.New();
        await CreatePurchaseManager(store).RecordPurchaseAsync(TenantA, new PurchaseDraft { ContactId = buyer, Amount = new Money(0m, Eur), OccurredAt = Ago(20) }).ConfigureAwait(false);
        await RecordAsync(store, TenantA, met, Ago(15), InteractionKind.Meeting, InteractionDirection.Outbound).ConfigureAwait(false);

        var bought = await JourneyManagerOver(store).GetJourneyAsync(TenantA, buyer).ConfigureAwait(false);
        var meeting = await JourneyManagerOver(store).GetJourneyAsync(TenantA, met).ConfigureAwait(false);

        bought.Stage.Should().Be(JourneyStage.Purchase);
        new[] { bought.AwarenessAt, bought.EngagementAt, bought.PurchaseAt, bought.PostPurchaseAt }.Should().Equal(Ago(20), Ago(20), Ago(20), null);
        meeting.Stage.Should().Be(JourneyStage.Engagement);
        meeting.EngagementAt.Should().Be(Ago(15));
    }

    /// <summary>Contacts with at least k activities in the lookback and none in the quiet period are listed, in contact id order over pages; outbound contact is no activity, facts at or after the as-of instant are ignored.</summary>
    [Fact]
    public async Task Re_engagement_lists_the_contacts_that_went_quiet()
    {
        var store = CreateStore();
        var query = new ReEngagementQuery(Ago(0), Duration.FromDays(30), Duration.FromDays(60), minimumActivities: 2);
        var quiet = Enumerable.Range(0, 5).Select(static _ => ContactId.New()).ToList();
        foreach (var contact in quiet)
        {
            await RecordAsync(store, TenantA, contact, Ago(80), InteractionKind.Call, InteractionDirection.Inbound).ConfigureAwait(false);
            await RecordAsync(store, TenantA, contact, Ago(45), InteractionKind.Meeting, InteractionDirection.Outbound).ConfigureAwait(false);
            await RecordAsync(store, TenantA, contact, Ago(10), InteractionKind.Email, InteractionDirection.Outbound).ConfigureAwait(false);
        }

        var stillActive = ContactId.New();
        await RecordAsync(store, TenantA, stillActive, Ago(80), InteractionKind.Call, InteractionDirection.Inbound).ConfigureAwait(false);
        await RecordAsync(store, TenantA, stillActive, Ago(70), InteractionKind.Call, InteractionDirection.Inbound).ConfigureAwait(false);
        await RecordAsync(store, TenantA, stillActive, Ago(5), InteractionKind.Message, InteractionDirection.Inbound, InteractionChannel.Chat).ConfigureAwait(false);
        var once = ContactId.New();
        await RecordAsync(store, TenantA, once, Ago(80), InteractionKind.Call, InteractionDirection.Inbound).ConfigureAwait(false);
        await RecordAsync(store, TenantA, once, Ago(85), InteractionKind.Note, InteractionDirection.Inbound).ConfigureAwait(false);
        var tooLongAgo = ContactId.New();
        await RecordAsync(store, TenantA, tooLongAgo, Ago(95), InteractionKind.Call, InteractionDirection.Inbound).ConfigureAwait(false);
        await RecordAsync(store, TenantA, tooLongAgo, Ago(92), InteractionKind.Call, InteractionDirection.Inbound).ConfigureAwait(false);
        await RecordAsync(store, TenantB, stillActive, Ago(50), InteractionKind.Call, InteractionDirection.Inbound).ConfigureAwait(false);
        await RecordAsync(store, TenantB, stillActive, Ago(40), InteractionKind.Call, InteractionDirection.Inbound).ConfigureAwait(false);

        var manager = JourneyManagerOver(store);
        var all = await ReadAllAsync(p => new ValueTask<Page<ReEngagementCandidate>>(manager.ListReEngagementCandidatesAsync(TenantA, query, p)), 2).ConfigureAwait(false);
        var asOfEarlier = await manager.ListReEngagementCandidatesAsync(TenantA, new ReEngagementQuery(Ago(7), Duration.FromDays(1), Duration.FromDays(80), 2), PageRequest.First()).ConfigureAwait(false);

        all.Select(static c => c.ContactId).Should().Equal(quiet.OrderBy(static c => c.Value));
        all.Should().OnlyContain(c => c.ActivityCount == 2 && c.LastActivityAt == Ago(45));
        asOfEarlier.Items.Select(static c => c.ContactId).Should().BeEquivalentTo(quiet.Append(stillActive), "the chat 5 days ago is after that as-of instant");
        var foreign = async () => await store.ListReEngagementCandidatesAsync(TenantA, query, PageRequest.After("foreign"), None).ConfigureAwait(false);
        await foreign.Should().ThrowAsync<ArgumentException>().ConfigureAwait(false);
    }

    /// <summary>Coverage counts each team member's inbound and outbound interactions in the window, with the last instant; internal entries and entries outside the window do not count.</summary>
    [Fact]
    public async Task Coverage_lists_the_team_members_in_the_window()
    {
        var store = CreateStore();
        var contact = ContactId.New();
        await RecordAsync(store, TenantA, contact, Ago(50), InteractionKind.Call, InteractionDirection.Inbound, teamMember: "agent-1").ConfigureAwait(false);
        await RecordAsync(store, TenantA, contact, Ago(20), InteractionKind.Email, InteractionDirection.Outbound, teamMember: "agent-1").ConfigureAwait(false);
        await RecordAsync(store, TenantA, contact, Ago(30), InteractionKind.Meeting, InteractionDirection.Outbound, teamMember: "agent-2").ConfigureAwait(false);
        await RecordAsync(store, TenantA, contact, Ago(10), InteractionKind.Note, InteractionDirection.Internal, teamMember: "agent-3").ConfigureAwait(false);
        await RecordAsync(store, TenantA, contact, Ago(100), InteractionKind.Call, InteractionDirection.Outbound, teamMember: "agent-4").ConfigureAwait(false);
        await RecordAsync(store, TenantA, contact, Ago(5), InteractionKind.Call, InteractionDirection.Inbound).ConfigureAwait(false);
        await RecordAsync(store, TenantB, contact, Ago(5), InteractionKind.Call, InteractionDirection.Inbound, teamMember: "agent-9").ConfigureAwait(false);

        var coverage = await CoverageManagerOver(store).GetCoverageAsync(TenantA, contact, CoverageWindow.LastDays(Ago(0), 90)).ConfigureAwait(false);

        coverage.TeamMembers.Select(static m => (m.TeamMember.Value, m.InteractionCount, m.LastInteractionAt)).Should().Equal(("agent-1", 2, Ago(20)), ("agent-2", 1, Ago(30)));
        coverage.IsSingleThreaded.Should().BeFalse();
    }

    /// <summary>The at-risk list holds the contacts with exactly one team member in the window and at least M interactions, in contact id order over pages.</summary>
    [Fact]
    public async Task Single_threaded_relationships_are_listed_over_pages()
    {
        var store = CreateStore();
        var window = CoverageWindow.LastDays(Ago(0), 60);
        var atRisk = Enumerable.Range(0, 5).Select(static _ => ContactId.New()).ToList();
        foreach (var contact in atRisk)
        {
            await RecordAsync(store, TenantA, contact, Ago(40), InteractionKind.Call, InteractionDirection.Inbound, teamMember: "agent-1").ConfigureAwait(false);
            await RecordAsync(store, TenantA, contact, Ago(20), InteractionKind.Email, InteractionDirection.Outbound, teamMember: "agent-1").ConfigureAwait(false);
            await RecordAsync(store, TenantA, contact, Ago(15), InteractionKind.Note, InteractionDirection.Internal, teamMember: "agent-2").ConfigureAwait(false);
            await RecordAsync(store, TenantA, contact, Ago(90), InteractionKind.Call, InteractionDirection.Inbound, teamMember: "agent-3").ConfigureAwait(false);
        }

        var twoPeople = ContactId.New();
        await RecordAsync(store, TenantA, twoPeople, Ago(40), InteractionKind.Call, InteractionDirection.Inbound, teamMember: "agent-1").ConfigureAwait(false);
        await RecordAsync(store, TenantA, twoPeople, Ago(30), InteractionKind.Call, InteractionDirection.Inbound, teamMember: "agent-1").ConfigureAwait(false);
        await RecordAsync(store, TenantA, twoPeople, Ago(20), InteractionKind.Call, InteractionDirection.Inbound, teamMember: "agent-2").ConfigureAwait(false);
        var tooFew = ContactId.New();
        await RecordAsync(store, TenantA, tooFew, Ago(40), InteractionKind.Call, InteractionDirection.Inbound, teamMember: "agent-1").ConfigureAwait(false);
        await RecordAsync(store, TenantB, ContactId.New(), Ago(40), InteractionKind.Call, InteractionDirection.Inbound, teamMember: "agent-1").ConfigureAwait(false);

        var manager = CoverageManagerOver(store);
        var all = await ReadAllAsync(p => new ValueTask<Page<SingleThreadedRelationship>>(manager.ListSingleThreadedAsync(TenantA, window, 2, p)), 2).ConfigureAwait(false);

        all.Select(static r => r.ContactId).Should().Equal(atRisk.OrderBy(static c => c.Value));
        all.Should().OnlyContain(r => r.Coverage.TeamMember.Value == "agent-1" && r.Coverage.InteractionCount == 2 && r.Coverage.LastInteractionAt == Ago(20));
        (await manager.ListSingleThreadedAsync(TenantB, window, 2, PageRequest.First()).ConfigureAwait(false)).Items.Should().BeEmpty();
    }

    /// <summary>A <see cref="JourneyManager"/> over the store, with the given advocacy signals.</summary>
    protected static JourneyManager JourneyManagerOver(TStore store, params IAdvocacySignal[] signals) => new(store, signals);

    /// <summary>A <see cref="RelationshipCoverageManager"/> over the store.</summary>
    protected RelationshipCoverageManager CoverageManagerOver(TStore store) => new(store, Clock);

    /// <summary>An instant <paramref name="days"/> days before the specification's start (always in the managers' past).</summary>
    protected static Instant Ago(int days) => CrmTestClock.Start - Duration.FromDays(days);

    private Task<Interaction> RecordAsync(
        TStore store, TenantId tenant, ContactId contact, Instant at, InteractionKind kind, InteractionDirection direction, InteractionChannel? channel = null, string? teamMember = null)
        => CreateInteractionManager(store).RecordAsync(tenant, new InteractionDraft
        {
            ContactId = contact,
            Kind = kind,
            Direction = direction,
            Channel = channel ?? (kind == InteractionKind.Note ? InteractionChannel.None : InteractionChannel.Phone),
            OccurredAt = at,
            TeamMember = teamMember is null ? null : new TeamMemberId(teamMember),
        });

    private Task<FeedbackResponse> RecordFeedbackAsync(TStore store, ContactId contact, Instant at, FeedbackSurvey survey, int score)
        => CreateFeedbackManager(store).RecordAsync(TenantA, new FeedbackDraft { ContactId = contact, Survey = survey, Score = score, RespondedAt = at });
}
