using Crm.Loyalty.Events;
using Crm.Loyalty.Ledger;
using Crm.Loyalty.Rewards;
using Crm.Loyalty.Storage;

namespace Crm.Loyalty;

public sealed partial class LoyaltyManager
{
    /// <summary>Redeems one unit of a catalog reward: debits its point cost (soonest-expiring lots first) and writes <see cref="RewardPaid"/>, atomically against concurrent redemptions of the member's points and of the reward's last units.</summary>
    /// <remarks>The change set is guarded by the member's balance version and the reward's stock counter
    /// (<see cref="LoyaltyChangeSet.RewardCounter"/>), so neither the balance nor the stock can be oversold; a losing
    /// command re-reads and re-decides. Cancelling the redemption (<see cref="CancelRedemptionAsync"/>) returns the unit to stock.</remarks>
    /// <returns>The redemption entry (the first one for a repeated key).</returns>
    /// <exception cref="ArgumentException">An id or the key is empty, or the reward id breaks the rule.</exception>
    /// <exception cref="UnknownRewardException">The catalog has no such reward.</exception>
    /// <exception cref="RewardUnavailableException">The reward is out of stock or the member reached its limit.</exception>
    /// <exception cref="InsufficientPointsException">The member cannot pay the cost.</exception>
    public async Task<LedgerEntry> RedeemRewardAsync(TenantId tenantId, ContactId contactId, string rewardId, IdempotencyKey key, CancellationToken cancellationToken = default)
    {
        Reward.ValidateId(rewardId, nameof(rewardId));
        var reward = Program.Rewards.FirstOrDefault(r => string.Equals(r.Id, rewardId, StringComparison.Ordinal)) ?? throw new UnknownRewardException(rewardId);
        var entryKey = LedgerKeys.Command("reward", key);
        var counter = LoyaltyChangeSet.RewardCounter(reward.Id);
        var entries = await CommitAsync(
            tenantId,
            contactId,
            entryKey,
            async (account, now, ct) =>
            {
                var version = await _store.GetVersionAsync(tenantId, counter, ct).ConfigureAwait(false);
                if (reward.Stock is { } stock && await _store.CountRewardRedemptionsAsync(tenantId, reward.Id, null, ct).ConfigureAwait(false) >= stock)
                {
                    throw new RewardUnavailableException(reward.Id, outOfStock: true, stock);
                }

                if (reward.PerMemberLimit is { } limit && await _store.CountRewardRedemptionsAsync(tenantId, reward.Id, contactId, ct).ConfigureAwait(false) >= limit)
                {
                    throw new RewardUnavailableException(reward.Id, outOfStock: false, limit);
                }

                var entry = new LedgerEntry(tenantId, LedgerEntryId.New(), contactId, LedgerEntryKind.Redeem, -reward.PointCost, now, entryKey) { RewardId = reward.Id };
                var allocations = Debit(tenantId, account, entry, reward.PointCost, now);
                return new LedgerPlan([entry], [], allocations, [new RewardPaid(tenantId, now, contactId, entry.Id, reward.PointCost, reward.Id)])
                {
                    Checks = [new Crm.Storage.VersionCheck(counter, version, advance: true)],
                };
            },
            cancellationToken).ConfigureAwait(false);
        return entries[0];
    }
}
