using Crm.Loyalty.Ledger;
using Crm.Loyalty.Members;
using Crm.Loyalty.Storage;
using Crm.Loyalty.Tiers;

namespace Crm.Loyalty.InMemory;

internal sealed partial class LoyaltyPartition
{
    public Dictionary<ContactId, List<TierChange>> TierHistory { get; } = [];

    public Dictionary<string, TierChange> TierChangesByKey { get; } = new(StringComparer.Ordinal);

    /// <summary>Every tier change of the tenant in the order written (the sequence a members-by-tier page is keyed on).</summary>
    public List<TierChange> TierLog { get; } = [];

    public MemberTier TierOf(ContactId contactId)
        => TierHistory.TryGetValue(contactId, out var list) && list.Count > 0
            ? new MemberTier(contactId, list[^1].ToTierId, list[^1].ChangedAt)
            : new MemberTier(contactId, null, null);

    /// <summary>The member's figures summed over the entries recorded in [from, to), or <see langword="null"/> when none moves a figure.</summary>
    public (long Earned, decimal Spent, long Redeemed)? ActivityOf(List<LedgerEntry> entries, NodaTime.Instant from, NodaTime.Instant to)
    {
        long earned = 0, redeemed = 0;
        decimal spent = 0m;
        var any = false;
        foreach (var entry in entries)
        {
            if (entry.RecordedAt < from || entry.RecordedAt >= to)
            {
                continue;
            }

            var reversedKind = entry.ReversesEntryId is { } r && Entries.TryGetValue(r, out var reversed) ? reversed.Kind : (LedgerEntryKind?)null;
            var figures = LedgerEntryFigures.Of(entry, reversedKind);
            if (figures.IsNone)
            {
                continue;
            }

            any = true;
            earned += figures.PointsEarned;
            spent += figures.MoneySpent;
            redeemed += figures.PointsRedeemed;
        }

        return any ? (earned, spent, redeemed) : null;
    }

    private void CheckTierChanges(TenantId tenantId, ContactId? member, LoyaltyChangeSet changes)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var change in changes.TierChanges)
        {
            ArgumentNullException.ThrowIfNull(change, nameof(changes));
            if (change.TenantId != tenantId)
            {
                throw new ArgumentException($"A change set for tenant '{tenantId}' holds a tier change of another tenant.", nameof(changes));
            }

            if (member is { } m && m != change.ContactId)
            {
                throw new ArgumentException("A loyalty change set writes the ledger and tier of one member.", nameof(changes));
            }

            member = change.ContactId;
            if (TierChangesByKey.ContainsKey(change.IdempotencyKey) || !keys.Add(change.IdempotencyKey))
            {
                throw new ConcurrencyConflictException("tier change", change.IdempotencyKey);
            }
        }
    }

    private void ApplyTierChanges(LoyaltyChangeSet changes)
    {
        foreach (var change in changes.TierChanges)
        {
            TierChangesByKey.Add(change.IdempotencyKey, change);
            TierLog.Add(change);
            if (!TierHistory.TryGetValue(change.ContactId, out var list))
            {
                TierHistory[change.ContactId] = list = [];
            }

            list.Add(change);
        }
    }
}
