using Crm.Interactions.Storage;
using Crm.Storage;
using NodaTime;

namespace Crm.Interactions.Journey;

/// <summary>Derives each contact's journey stage from its touchpoints, and lists the contacts that were active and have gone quiet (re-engagement candidates).</summary>
/// <remarks>
/// <para>Derived on read, never maintained: <see cref="GetJourneyAsync"/> asks the store for the first fact of each kind
/// (<see cref="JourneyFacts"/>, a handful of index seeks) and applies the rules of <see cref="ContactJourney"/>. Nothing is
/// written when a fact arrives, so there is no stage to keep consistent with refunds, erasure, imports of old history or
/// a change of the rules.</para>
/// <para>The stages never go back in time: a purchase is also engagement and awareness (its timeline entry is inbound),
/// and every advocacy fact is a post-purchase one.</para>
/// </remarks>
public sealed class JourneyManager
{
    private readonly IJourneyStore _store;
    private readonly IReadOnlyList<IAdvocacySignal> _signals;

    /// <summary>Creates the manager; <paramref name="signals"/> are the host's advocacy evidence (none by default).</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public JourneyManager(IJourneyStore store, IEnumerable<IAdvocacySignal> signals)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(signals);
        _store = store;
        _signals = [.. signals];
    }

    /// <summary>The contact's journey: its furthest stage and when it first reached each.</summary>
    /// <exception cref="ArgumentException">The tenant or contact is empty.</exception>
    /// <exception cref="InvalidOperationException">The store or an advocacy signal answered against its contract (no facts, or evidence not after the purchase).</exception>
    public async Task<ContactJourney> GetJourneyAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken = default)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ContactId.ThrowIfEmpty(contactId);
        var facts = await _store.GetJourneyFactsAsync(tenantId, contactId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The {nameof(IJourneyStore)} returned no facts; the answer was refused.");
        Instant? evidence = null;
        if (facts.FirstPurchaseAt is { } purchase)
        {
            foreach (var signal in _signals)
            {
                if (await signal.FindFirstAdvocacyAsync(tenantId, contactId, purchase, cancellationToken).ConfigureAwait(false) is { } at)
                {
                    evidence = at > purchase
                        ? Earliest(evidence, at)
                        : throw new InvalidOperationException($"The advocacy signal {signal.GetType().Name} returned an instant not after the one it was given; the answer was refused.");
                }
            }
        }

        var advocacy = Earliest(facts.FirstPromoterAfterPurchaseAt, evidence);
        var engagement = Earliest(facts.FirstEngagementAt, facts.FirstPurchaseAt);
        return new ContactJourney(
            tenantId,
            contactId,
            awarenessAt: Earliest(facts.FirstTouchpointAt, engagement),
            engagementAt: engagement,
            purchaseAt: facts.FirstPurchaseAt,
            postPurchaseAt: Earliest(facts.FirstTouchpointAfterPurchaseAt, advocacy),
            advocacyAt: advocacy);
    }

    /// <summary>One page, in contact id order, of the contacts that were active and have gone quiet as <paramref name="query"/> defines.</summary>
    /// <exception cref="ArgumentException">The tenant is empty, or the cursor was not produced by the store.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The store's answer breaks its contract (too many items, out of order, or not matching the query).</exception>
    public async Task<Page<ReEngagementCandidate>> ListReEngagementCandidatesAsync(TenantId tenantId, ReEngagementQuery query, PageRequest page, CancellationToken cancellationToken = default)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ArgumentNullException.ThrowIfNull(query);
        var result = await _store.ListReEngagementCandidatesAsync(tenantId, query, page, cancellationToken).ConfigureAwait(false);
        ContactPages.Check(result, page, static c => c.ContactId, c => c.ActivityCount >= query.MinimumActivities
            && c.LastActivityAt >= query.LookbackFrom && c.LastActivityAt < query.QuietSince, nameof(IJourneyStore));
        return result;
    }

    private static Instant? Earliest(Instant? a, Instant? b) => a is { } x && b is { } y ? Instant.Min(x, y) : a ?? b;
}
