using Crm.Loyalty.Ledger;
using Crm.Loyalty.Statements;
using Crm.Storage;
using NodaTime;

namespace Crm.Loyalty;

public sealed partial class LoyaltyManager
{
    /// <summary>The member's statement for [<paramref name="from"/>, <paramref name="to"/>): opening balance, earned, redeemed, expired, adjusted, reversed, closing balance, and the points expiring within <paramref name="expiringWithin"/> after <paramref name="to"/>.</summary>
    /// <remarks>Read from the ledger page by page; writes nothing. The figures always reconcile (<see cref="PointsStatement.Reconciles"/>).</remarks>
    /// <exception cref="ArgumentException">An id is empty, <paramref name="to"/> is before <paramref name="from"/>, or <paramref name="expiringWithin"/> is negative.</exception>
    public async Task<PointsStatement> GetStatementAsync(TenantId tenantId, ContactId contactId, Instant from, Instant to, Duration expiringWithin, CancellationToken cancellationToken = default)
    {
        Check(tenantId, contactId);
        if (to < from)
        {
            throw new ArgumentException("A statement period must not end before it starts.", nameof(to));
        }

        if (expiringWithin < Duration.Zero)
        {
            throw new ArgumentException("The expiry window must not be negative.", nameof(expiringWithin));
        }

        long opening = 0, closing = 0, earned = 0, redeemed = 0, expired = 0, adjusted = 0, reversed = 0;
        string? cursor = null;
        do
        {
            var page = await GetEntriesAsync(tenantId, contactId, new PageRequest(PageRequest.MaxPageSize, cursor), cancellationToken).ConfigureAwait(false);
            foreach (var entry in page.Items)
            {
                closing += entry.RecordedAt < to ? entry.Points : 0;
                if (entry.RecordedAt < from)
                {
                    opening += entry.Points;
                }
                else if (entry.RecordedAt < to)
                {
                    switch (entry.Kind)
                    {
                        case LedgerEntryKind.Earn: earned += entry.Points; break;
                        case LedgerEntryKind.Redeem: redeemed += entry.Points; break;
                        case LedgerEntryKind.Expire: expired += entry.Points; break;
                        case LedgerEntryKind.Adjust: adjusted += entry.Points; break;
                        case LedgerEntryKind.Reverse: reversed += entry.Points; break;
                        default: break;
                    }
                }
            }

            cursor = page.NextCursor;
        }
        while (cursor is not null);

        var lots = await GetLotsAsync(tenantId, contactId, cancellationToken).ConfigureAwait(false);
        var expiring = lots.Where(l => l.Remaining > 0 && !l.IsExpired && l.Lot.ExpiresAt is { } e && e >= to && e < to + expiringWithin).Sum(l => l.Remaining);
        return new PointsStatement
        {
            ContactId = contactId,
            From = from,
            To = to,
            Opening = opening,
            Earned = earned,
            Redeemed = redeemed,
            Expired = expired,
            Adjusted = adjusted,
            Reversed = reversed,
            Closing = closing,
            ExpiringNext = expiring,
        };
    }
}
