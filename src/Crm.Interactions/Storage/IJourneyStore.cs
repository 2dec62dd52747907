using Crm.Interactions.Journey;
using Crm.Storage;

namespace Crm.Interactions.Storage;

/// <summary>The reads of the journey: a contact's first facts of each kind, and the tenant's contacts that have gone quiet. An optional capability of an <see cref="IInteractionStore"/>, which both shipped stores implement.</summary>
/// <remarks>
/// Journeys are derived on read from the stored facts, never maintained: each first is one index seek (or a short
/// scan past notes), so a journey costs the same for a contact with ten entries as for one with a hundred thousand, and
/// nothing has to be rewritten when a purchase is refunded or a contact's data is erased.
/// </remarks>
public interface IJourneyStore
{
    /// <summary>The first instants of the contact's facts, as each property of <see cref="JourneyFacts"/> defines them; <see cref="JourneyFacts.None"/> for a contact without any.</summary>
    ValueTask<JourneyFacts> GetJourneyFactsAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken);

    /// <summary>One page of the contacts that match <paramref name="query"/>, in contact id order (the order of <see cref="Guid.CompareTo(Guid)"/>).</summary>
    /// <remarks>A page costs what the store scans to fill it: the activity of the contacts from the cursor on, within the lookback and quiet windows, never the whole table at once.</remarks>
    /// <exception cref="ArgumentException">The cursor was not produced by this store.</exception>
    ValueTask<Page<ReEngagementCandidate>> ListReEngagementCandidatesAsync(TenantId tenantId, ReEngagementQuery query, PageRequest page, CancellationToken cancellationToken);
}
