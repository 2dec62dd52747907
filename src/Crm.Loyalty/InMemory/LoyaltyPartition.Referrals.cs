using Crm.Loyalty.Ledger;
using Crm.Loyalty.Referrals;
using Crm.Loyalty.Storage;

namespace Crm.Loyalty.InMemory;

internal sealed partial class LoyaltyPartition
{
    public Dictionary<ContactId, LoyaltyReferral> Referrals { get; } = [];

    public Dictionary<string, ReferralRejection> RejectionsBySource { get; } = new(StringComparer.Ordinal);

    public List<ReferralRejection> Rejections { get; } = [];

    public Dictionary<ContactId, ContactId> Merges { get; } = [];

    public LoyaltyReferral? Referral(ContactId refereeId)
        => Referrals.TryGetValue(refereeId, out var referral) ? referral with { Version = Counters.GetValueOrDefault(ReferralChangeSet.ReferralCounter(refereeId)) } : null;

    /// <summary>Whether an entry is a referral reward paid to a referrer or up the chain (not the referee's own, depth 0).</summary>
    public static bool IsReferrerReward(LedgerEntry entry)
        => entry.IdempotencyKey.StartsWith("referral:", StringComparison.Ordinal) && !entry.IdempotencyKey.EndsWith(":0", StringComparison.Ordinal);

    public void CheckCounters(IReadOnlyList<Crm.Storage.VersionCheck> checks)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var check in checks)
        {
            if (!names.Add(check.Counter))
            {
                throw new ArgumentException($"The change set names the counter '{check.Counter}' twice.", nameof(checks));
            }

            if (Counters.GetValueOrDefault(check.Counter) != check.ExpectedVersion)
            {
                throw new ConcurrencyConflictException("version counter", check.Counter);
            }
        }
    }

    public void AdvanceCounters(IReadOnlyList<Crm.Storage.VersionCheck> checks)
    {
        foreach (var check in checks.Where(c => c.Advance))
        {
            Counters[check.Counter] = check.ExpectedVersion + 1;
        }
    }

    public void CheckReferral(TenantId tenantId, ReferralChangeSet changes)
    {
        CheckCounters(changes.VersionChecks);
        if (changes.Referral is { } referral && referral.TenantId != tenantId)
        {
            throw new ArgumentException($"A change set for tenant '{tenantId}' holds a referral of another tenant.", nameof(changes));
        }

        var sources = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rejection in changes.Rejections)
        {
            ArgumentNullException.ThrowIfNull(rejection, nameof(changes));
            if (rejection.TenantId != tenantId)
            {
                throw new ArgumentException($"A change set for tenant '{tenantId}' holds a rejection of another tenant.", nameof(changes));
            }

            if (RejectionsBySource.ContainsKey(rejection.SourceKey) || !sources.Add(rejection.SourceKey))
            {
                throw new ConcurrencyConflictException("referral rejection", rejection.SourceKey);
            }
        }
    }

    public void ApplyReferral(ReferralChangeSet changes)
    {
        AdvanceCounters(changes.VersionChecks);
        if (changes.Referral is { } referral)
        {
            Referrals[referral.RefereeId] = referral;
        }

        foreach (var rejection in changes.Rejections)
        {
            RejectionsBySource.Add(rejection.SourceKey, rejection);
            Rejections.Add(rejection);
        }
    }

    public void CheckMerge(LedgerMergeChangeSet changes)
    {
        CheckCounters(changes.VersionChecks);
        if (Merges.ContainsKey(changes.AbsorbedId))
        {
            throw new ConcurrencyConflictException("ledger merge", changes.AbsorbedId.ToString());
        }
    }

    /// <summary>Moves the absorbed member's entries, lots and allocations to the survivor: the records are re-created with the survivor as owner, every id, key, point and instant kept.</summary>
    public void ApplyMerge(LedgerMergeChangeSet changes)
    {
        AdvanceCounters(changes.VersionChecks);
        var survivor = changes.SurvivorId;
        Merges.Add(changes.AbsorbedId, survivor);
        if (ByMember.Remove(changes.AbsorbedId, out var moved))
        {
            var rebound = moved.ToDictionary(e => e.Id, e => Rebind(e, survivor));
            foreach (var entry in rebound.Values)
            {
                Entries[entry.Id] = entry;
                ByKey[entry.IdempotencyKey] = entry;
            }

            var merged = (ByMember.TryGetValue(survivor, out var own) ? own : []).Concat(rebound.Values).OrderBy(e => e.RecordedAt).ToList();
            ByMember[survivor] = merged;
            foreach (var list in Reversals.Values.Concat(RewardRedemptions.Values))
            {
                for (var i = 0; i < list.Count; i++)
                {
                    if (rebound.TryGetValue(list[i].Id, out var replacement))
                    {
                        list[i] = replacement;
                    }
                }
            }
        }

        if (LotsByMember.Remove(changes.AbsorbedId, out var lots))
        {
            var target = LotsByMember.TryGetValue(survivor, out var existing) ? existing : LotsByMember[survivor] = [];
            foreach (var lot in lots)
            {
                var copy = new PointsLot(lot.Id, survivor, lot.Points, lot.CreditedAt, lot.AvailableAt, lot.ExpiresAt);
                Lots[lot.Id] = copy;
                target.Add(copy);
            }

            target.Sort((a, b) => a.CreditedAt.CompareTo(b.CreditedAt));
        }
    }

    private static LedgerEntry Rebind(LedgerEntry entry, ContactId owner)
        => new(entry.TenantId, entry.Id, owner, entry.Kind, entry.Points, entry.RecordedAt, entry.IdempotencyKey)
        {
            Snapshot = entry.Snapshot,
            ReversesEntryId = entry.ReversesEntryId,
            LotId = entry.LotId,
            RewardId = entry.RewardId,
            Reason = entry.Reason,
            WrittenOff = entry.WrittenOff,
        };
}
