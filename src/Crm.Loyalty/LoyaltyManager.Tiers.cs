using Crm.Loyalty.Ledger;
using Crm.Loyalty.Tiers;
using Crm.Storage;
using NodaTime;

namespace Crm.Loyalty;

public sealed partial class LoyaltyManager
{
    /// <summary>The tier the member's activity in the program's tier window reaches as of <paramref name="asOf"/>, with the progress to the next tier.</summary>
    /// <remarks>
    /// <para>Derived from the ledger page by page; writes nothing. Only entries recorded from the window's start up to and
    /// including <paramref name="asOf"/> count. Points earned are earnings minus the points their refunds took back
    /// (redemptions, expiry and adjustments never count), so a member who spends every point keeps the tier; money spent
    /// is the net amount of the purchase lines that earned, minus the amounts refunded on them.</para>
    /// <para>An anniversary window counts membership years from the local date of the member's first ledger entry.</para>
    /// </remarks>
    /// <exception cref="ArgumentException">The tenant or member id is empty.</exception>
    /// <exception cref="InvalidOperationException">The program has no tiers.</exception>
    public async Task<TierStatus> GetTierAsync(TenantId tenantId, ContactId contactId, Instant asOf, CancellationToken cancellationToken = default)
    {
        Check(tenantId, contactId);
        if (Program.Tiers.Count == 0 || Program.TierWindow is not { } window)
        {
            throw new InvalidOperationException($"The loyalty program '{Program.Id}' has no tiers.");
        }

        var entries = new List<LedgerEntry>();
        string? cursor = null;
        do
        {
            var page = await GetEntriesAsync(tenantId, contactId, new PageRequest(PageRequest.MaxPageSize, cursor), cancellationToken).ConfigureAwait(false);
            entries.AddRange(page.Items.Where(e => e.RecordedAt <= asOf));
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        LocalDate? joinedOn = entries.Count == 0 ? null : entries.Min(e => e.RecordedAt).InZone(Program.TimeZone).Date;
        var (start, end) = window.Bounds(asOf, Program.TimeZone, joinedOn);
        var qualifying = entries.Where(e => e.RecordedAt >= start).Sum(Qualifying);
        var reached = Program.Tiers.Count(t => t.Threshold <= qualifying);
        return new TierStatus
        {
            ContactId = contactId,
            AsOf = asOf,
            WindowStart = start,
            WindowEnd = end,
            Qualifying = qualifying,
            Tier = reached == 0 ? null : Program.Tiers[reached - 1],
            NextTier = reached == Program.Tiers.Count ? null : Program.Tiers[reached],
        };
    }

    /// <summary>What one entry adds to a member's qualifying total: earnings count, the reversal of an earning counts against them, nothing else counts.</summary>
    private decimal Qualifying(LedgerEntry entry)
    {
        var sign = entry.Kind switch
        {
            LedgerEntryKind.Earn => 1,
            LedgerEntryKind.Reverse when entry.Snapshot is not null => -1,
            _ => 0,
        };
        if (sign == 0 || entry.Snapshot is not { } snapshot)
        {
            return 0m;
        }

        return sign * (Program.TierQualification == TierQualification.MoneySpent
            ? snapshot.Lines.Sum(l => l.Amount)
            : snapshot.Lines.Sum(l => l.Points));
    }
}
