using Crm.Loyalty.Members;
using Crm.Storage;
using NodaTime;

namespace Crm.Loyalty;

public sealed partial class LoyaltyManager
{
    /// <summary>The <paramref name="count"/> members who earned the most points in [<paramref name="from"/>, <paramref name="to"/>), net of refund clawbacks: the loyal customers a host targets.</summary>
    /// <remarks>Ranked on points earned, never on the balance (spending points does not make a member less loyal). One store query.</remarks>
    /// <exception cref="ArgumentException">The tenant is empty or <paramref name="to"/> is before <paramref name="from"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is not between 1 and <see cref="PageRequest.MaxPageSize"/>.</exception>
    public async Task<IReadOnlyList<MemberPoints>> GetTopEarnersAsync(TenantId tenantId, Instant from, Instant to, int count, CancellationToken cancellationToken = default)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, PageRequest.MaxPageSize);
        if (to < from)
        {
            throw new ArgumentException("A window must not end before it starts.", nameof(to));
        }

        var top = await _store.ListTopEarnersAsync(tenantId, from, to, count, cancellationToken).ConfigureAwait(false);
        return top.Count <= count && top.Select(m => m.ContactId).Distinct().Count() == top.Count
            ? top
            : throw new InvalidOperationException($"The loyalty store returned more than {count} members, or one member twice, for tenant '{tenantId}'.");
    }
}
