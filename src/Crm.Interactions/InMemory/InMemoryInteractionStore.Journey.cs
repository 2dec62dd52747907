using Crm.Interactions.Coverage;
using Crm.Interactions.Feedback;
using Crm.Interactions.Journey;
using Crm.Interactions.Purchases;
using Crm.Interactions.Storage;
using Crm.Storage;
using NodaTime;

namespace Crm.Interactions.InMemory;

/// <remarks>The journey and coverage reads walk the contact's sorted timeline (a journey: oldest first until each first is
/// found; coverage: the window's range); the tenant queries visit every contact of the partition in id order, reading
/// only each contact's window.</remarks>
public sealed partial class InMemoryInteractionStore : IJourneyStore, IRelationshipCoverageStore
{
    /// <inheritdoc />
    public ValueTask<JourneyFacts> GetJourneyFactsAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken)
        => Read(tenantId, p => JourneyFactsOf(p, contactId), JourneyFacts.None, cancellationToken);

    /// <inheritdoc />
    public ValueTask<Page<ReEngagementCandidate>> ListReEngagementCandidatesAsync(TenantId tenantId, ReEngagementQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var after = ContactCursor.Parse(page.Cursor, nameof(page));
        return Read(
            tenantId,
            p => ContactPage(p, after, page.Size, (contact, index) =>
            {
                var activities = index.Oldest(query.LookbackFrom, query.AsOf).Select(k => p.Interactions[new InteractionId(k.Id)]).Where(IsActivity).ToList();
                return activities.Count >= query.MinimumActivities && activities[^1].OccurredAt < query.QuietSince
                    ? new ReEngagementCandidate(contact, activities[^1].OccurredAt, activities.Count)
                    : null;
            }),
            new Page<ReEngagementCandidate>([], null),
            cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<TeamMemberCoverage>> GetCoverageAsync(TenantId tenantId, ContactId contactId, CoverageWindow window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(window);
        return Read<IReadOnlyList<TeamMemberCoverage>>(
            tenantId,
            p => p.Timelines.TryGetValue(contactId, out var index) ? CoverageOf(p, index, window) : [],
            [],
            cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<Page<SingleThreadedRelationship>> ListSingleThreadedAsync(TenantId tenantId, CoverageWindow window, int minimumInteractions, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumInteractions, 1);
        var after = ContactCursor.Parse(page.Cursor, nameof(page));
        return Read(
            tenantId,
            p => ContactPage(p, after, page.Size, (contact, index) =>
                CoverageOf(p, index, window) is [var only] && only.InteractionCount >= minimumInteractions
                    ? new SingleThreadedRelationship(contact, only.TeamMember, only.InteractionCount, only.LastInteractionAt)
                    : null),
            new Page<SingleThreadedRelationship>([], null),
            cancellationToken);
    }

    /// <summary>A contact's own activity: an inbound touchpoint or a meeting (what <see cref="JourneyFacts.FirstEngagementAt"/> reads).</summary>
    private static bool IsActivity(Interaction i) => i.Kind != InteractionKind.Note && (i.Direction == InteractionDirection.Inbound || i.Kind == InteractionKind.Meeting);

    private static JourneyFacts JourneyFactsOf(TenantPartition p, ContactId contactId)
    {
        var timeline = p.Timelines.TryGetValue(contactId, out var index)
            ? index.Oldest(Instant.MinValue, Instant.MaxValue).Select(k => p.Interactions[new InteractionId(k.Id)]).Where(static i => i.Kind != InteractionKind.Note)
            : [];
        var purchase = p.PurchasesByContact.TryGetValue(contactId, out var purchases)
            ? purchases.Oldest(Instant.MinValue, Instant.MaxValue).Select(k => p.Purchases[new PurchaseId(k.Id)]).FirstOrDefault(static x => !x.IsFullyRefunded)?.OccurredAt
            : null;
        Instant? afterPurchase = null;
        Instant? promoter = null;
        if (purchase is { } at)
        {
            afterPurchase = timeline.FirstOrDefault(i => i.OccurredAt > at)?.OccurredAt;
            promoter = p.FeedbackByContact.TryGetValue(contactId, out var feedback)
                ? feedback.Oldest(at + Duration.Epsilon, Instant.MaxValue).Select(k => p.Feedback[new FeedbackId(k.Id)])
                    .FirstOrDefault(static f => f.Survey == FeedbackSurvey.Nps && f.Score >= 9)?.RespondedAt
                : null;
        }

        return new JourneyFacts(timeline.FirstOrDefault()?.OccurredAt, timeline.FirstOrDefault(IsActivity)?.OccurredAt, purchase, afterPurchase, promoter);
    }

    private static List<TeamMemberCoverage> CoverageOf(TenantPartition p, KeysetIndex index, CoverageWindow window)
        => [.. index.Oldest(window.From, window.To).Select(k => p.Interactions[new InteractionId(k.Id)])
            .Where(static i => i.TeamMember is not null && i.Direction != InteractionDirection.Internal)
            .GroupBy(static i => i.TeamMember!.Value)
            .Select(static g => new TeamMemberCoverage(g.Key, g.Count(), g.Max(static i => i.OccurredAt)))];

    /// <summary>Up to <paramref name="size"/> answers of <paramref name="answer"/> for the contacts after <paramref name="after"/>, in id order, with a cursor when another contact answers after them.</summary>
    private static Page<T> ContactPage<T>(TenantPartition p, Guid? after, int size, Func<ContactId, KeysetIndex, T?> answer)
        where T : class
    {
        var items = new List<T>();
        ContactId? last = null;
        foreach (var (contact, index) in p.Timelines.Where(t => after is not { } a || t.Key.Value.CompareTo(a) > 0).OrderBy(static t => t.Key.Value))
        {
            if (answer(contact, index) is not { } item)
            {
                continue;
            }

            if (items.Count == size)
            {
                return new Page<T>(items, ContactCursor.Format(last!.Value));
            }

            items.Add(item);
            last = contact;
        }

        return new Page<T>(items, null);
    }
}
