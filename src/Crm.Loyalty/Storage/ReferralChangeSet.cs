using Crm.Loyalty.Referrals;
using Crm.Storage;

namespace Crm.Loyalty.Storage;

/// <summary>What one referral command writes, applied by <see cref="ILoyaltyReferralStore.SaveReferralAsync"/> atomically with its events.</summary>
/// <remarks>The store checks every <see cref="ChangeSet.VersionChecks"/> counter (a referral is guarded by
/// <see cref="ReferralCounter"/>), that no rejection's source key is stored already (entity <c>referral rejection</c>),
/// and then writes <see cref="Referral"/> (insert or replace) and appends <see cref="Rejections"/>; any failed check
/// throws <see cref="ConcurrencyConflictException"/> and writes nothing.</remarks>
public sealed class ReferralChangeSet : ChangeSet
{
    /// <summary>The referral to insert or replace, or <see langword="null"/>.</summary>
    public LoyaltyReferral? Referral { get; init; }

    /// <summary>Rejected claims to record.</summary>
    public IReadOnlyList<ReferralRejection> Rejections { get; init; } = [];

    /// <summary>The name of a referee's referral version counter.</summary>
    /// <exception cref="ArgumentException"><paramref name="refereeId"/> is empty.</exception>
    public static string ReferralCounter(ContactId refereeId)
    {
        ContactId.ThrowIfEmpty(refereeId);
        return $"loyalty.referral:{refereeId}";
    }

    /// <inheritdoc />
    public override bool IsEmpty => base.IsEmpty && Referral is null && Rejections.Count == 0;

    /// <summary>What the change set writes.</summary>
    public override string ToString() => $"ReferralChangeSet ({(Referral is null ? "no referral" : Referral.Status.ToString())}, {Rejections.Count} rejection(s), {VersionChecks.Count} counter check(s), {Events.Count} event(s))";
}
