using Crm.Loyalty.Events;
using Crm.Loyalty.Ledger;
using NodaTime;

namespace Crm.Loyalty;

public sealed partial class LoyaltyManager
{
    /// <summary>Expires the rest of every lot of the member whose expiry is at or before <paramref name="asOf"/> (default: the clock's now), one entry per lot.</summary>
    /// <remarks>Idempotent: a lot expires once (key <c>expire:{lotId}</c>), so running it again, or in parallel, adds nothing.
    /// Only the lots' remaining points expire — what was spent was allocated to the lots already — so expiry never deducts twice.</remarks>
    /// <returns>The expiry entries written by this call (empty when nothing was due).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> is after the clock's now.</exception>
    public Task<IReadOnlyList<LedgerEntry>> ExpireAsync(TenantId tenantId, ContactId contactId, Instant? asOf = null, CancellationToken cancellationToken = default)
        => ProcessLotsAsync(tenantId, contactId, asOf, LedgerEntryKind.Expire, cancellationToken);

    /// <summary>Makes available every held lot of the member whose hold ended at or before <paramref name="asOf"/> (default: the clock's now), one activation entry per lot.</summary>
    /// <remarks>Idempotent: a lot is activated once (key <c>activate:{lotId}</c>).</remarks>
    /// <returns>The activation entries written by this call.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> is after the clock's now.</exception>
    public Task<IReadOnlyList<LedgerEntry>> ActivateAsync(TenantId tenantId, ContactId contactId, Instant? asOf = null, CancellationToken cancellationToken = default)
        => ProcessLotsAsync(tenantId, contactId, asOf, LedgerEntryKind.Activate, cancellationToken);

    private async Task<IReadOnlyList<LedgerEntry>> ProcessLotsAsync(TenantId tenantId, ContactId contactId, Instant? asOf, LedgerEntryKind kind, CancellationToken cancellationToken)
    {
        var entries = await CommitAsync(
            tenantId,
            contactId,
            key: null,
            (account, now, _) =>
            {
                var at = asOf ?? now;
                if (at > now)
                {
                    throw new ArgumentOutOfRangeException(nameof(asOf), at, "Lots can be processed only as of an instant that has passed.");
                }

                var plan = kind == LedgerEntryKind.Expire ? ExpiryPlan(tenantId, contactId, account, at, now) : ActivationPlan(tenantId, contactId, account, at, now);
                return ValueTask.FromResult<LedgerPlan?>(plan);
            },
            cancellationToken).ConfigureAwait(false);
        if (entries.Count > 0)
        {
            Log.LotsProcessed(_logger, tenantId, contactId, entries.Count, kind, asOf ?? entries[0].RecordedAt);
        }

        return entries;
    }

    private static LedgerPlan ExpiryPlan(TenantId tenantId, ContactId contactId, Storage.LoyaltyAccount account, Instant asOf, Instant now)
    {
        var entries = new List<LedgerEntry>();
        var allocations = new List<LotAllocation>();
        var events = new List<Crm.Events.CrmEvent>();
        foreach (var lot in LotAllocator.SoonestExpiringFirst(account.OpenLots.Where(l => !l.IsExpired && l.Remaining > 0 && l.Lot.ExpiresAt is { } e && e <= asOf)))
        {
            var entry = new LedgerEntry(tenantId, LedgerEntryId.New(), contactId, LedgerEntryKind.Expire, -lot.Remaining, now, LedgerKeys.Expiry(lot.Lot.Id)) { LotId = lot.Lot.Id };
            entries.Add(entry);
            allocations.Add(new LotAllocation(lot.Lot.Id, entry.Id, lot.Remaining));
            events.Add(new PointsExpired(tenantId, now, contactId, entry.Id, lot.Remaining, lot.Lot.Id));
        }

        return new LedgerPlan(entries, [], allocations, events);
    }

    private static LedgerPlan ActivationPlan(TenantId tenantId, ContactId contactId, Storage.LoyaltyAccount account, Instant asOf, Instant now)
    {
        var entries = account.OpenLots
            .Where(l => !l.IsActive && !l.IsExpired && l.Lot.AvailableAt <= asOf)
            .OrderBy(l => l.Lot.AvailableAt).ThenBy(l => l.Lot.Id)
            .Select(l => new LedgerEntry(tenantId, LedgerEntryId.New(), contactId, LedgerEntryKind.Activate, 0, now, LedgerKeys.Activation(l.Lot.Id)) { LotId = l.Lot.Id })
            .ToList();
        return new LedgerPlan(entries, [], [], []);
    }
}
