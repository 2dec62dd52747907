using Crm.Contacts.Events;
using Crm.Events;

namespace Crm.Loyalty.Integration;

/// <summary>Moves the ledgers of merged contacts to the survivor when Crm.Contacts reports <see cref="ContactsMerged"/>; registered by <c>AddLoyalty()</c>.</summary>
/// <remarks>Idempotent on the domain key: an absorbed member whose ledger moved already is skipped, so a redelivery changes nothing.</remarks>
internal sealed class LoyaltyContactsMergedListener(LoyaltyManager loyalty) : ICrmEventListener<ContactsMerged>
{
    public async ValueTask HandleAsync(ContactsMerged domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        await loyalty.MergeMembersAsync(domainEvent.TenantId, domainEvent.SurvivorId, domainEvent.AbsorbedIds, cancellationToken).ConfigureAwait(false);
    }
}
