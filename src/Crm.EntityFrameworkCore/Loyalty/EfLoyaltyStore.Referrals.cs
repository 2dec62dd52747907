using System.Globalization;
using Crm.EntityFrameworkCore.Entities;
using Crm.EntityFrameworkCore.Storage;
using Crm.Loyalty.Referrals;
using Crm.Loyalty.Storage;
using Crm.Storage;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crm.EntityFrameworkCore.Loyalty;

/// <remarks>Referral rewards: <c>crm_loyalty_referrals</c> (one row per referee, replaced under the referee's version
/// counter), <c>crm_loyalty_referral_rejections</c> (unique per claim source) and <c>crm_loyalty_member_merges</c>.</remarks>
public sealed partial class EfLoyaltyStore<TContext> : ILoyaltyReferralStore, ILoyaltyMemberMergeStore
{
    /// <inheritdoc />
    public ValueTask<LoyaltyReferral?> FindReferralAsync(TenantId tenantId, ContactId refereeId, CancellationToken cancellationToken)
    {
        TenantId.ThrowIfEmpty(tenantId);
        return _db.UseAsync(db => EfContactStore<TContext>.ReadConsistentAsync(db, async ct =>
        {
            var row = await db.Set<LoyaltyReferralRow>().AsNoTracking().FirstOrDefaultAsync(r => r.TenantId == tenantId && r.RefereeId == refereeId, ct).ConfigureAwait(false);
            return row is null ? null : ToReferral(row, await ReferralVersionAsync(db, tenantId, refereeId, ct).ConfigureAwait(false));
        }, cancellationToken));
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<LoyaltyReferral>> ListDueReferralsAsync(TenantId tenantId, Instant asOf, int count, CancellationToken cancellationToken)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, PageRequest.MaxPageSize);
        var qualified = ReferralStatus.Qualified.ToString();
        Instant? until = asOf;
        return _db.UseAsync(db => EfContactStore<TContext>.ReadConsistentAsync<IReadOnlyList<LoyaltyReferral>>(db, async ct =>
        {
            var rows = await db.Set<LoyaltyReferralRow>().AsNoTracking()
                .Where(r => r.TenantId == tenantId && r.Status == qualified && r.EligibleAt <= until)
                .OrderBy(r => r.EligibleAt).ThenBy(r => r.RefereeId).Take(count)
                .ToListAsync(ct).ConfigureAwait(false);
            var result = new List<LoyaltyReferral>(rows.Count);
            foreach (var row in rows)
            {
                result.Add(ToReferral(row, await ReferralVersionAsync(db, tenantId, row.RefereeId, ct).ConfigureAwait(false)));
            }

            return result;
        }, cancellationToken));
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<ReferralRejection>> ListReferralRejectionsAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken)
    {
        TenantId.ThrowIfEmpty(tenantId);
        return _db.UseAsync<IReadOnlyList<ReferralRejection>>(async db => [.. (await db.Set<LoyaltyReferralRejectionRow>().AsNoTracking()
            .Where(r => r.TenantId == tenantId && (r.RefereeId == contactId || r.ReferrerId == contactId)).OrderBy(r => r.Sequence)
            .ToListAsync(cancellationToken).ConfigureAwait(false)).Select(ToRejection)]);
    }

    /// <inheritdoc />
    public ValueTask<ReferralRejection?> FindReferralRejectionAsync(TenantId tenantId, string sourceKey, CancellationToken cancellationToken)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ArgumentNullException.ThrowIfNull(sourceKey);
        return _db.UseAsync(async db => await db.Set<LoyaltyReferralRejectionRow>().AsNoTracking()
            .FirstOrDefaultAsync(r => r.TenantId == tenantId && r.SourceKey == sourceKey, cancellationToken).ConfigureAwait(false) is { } row ? ToRejection(row) : null);
    }

    /// <inheritdoc />
    public ValueTask<int> CountReferrerRewardsAsync(TenantId tenantId, ContactId referrerId, Instant from, Instant to, CancellationToken cancellationToken)
    {
        TenantId.ThrowIfEmpty(tenantId);
        return _db.UseAsync(db => Entries(db, tenantId)
            .Where(r => r.ContactId == referrerId && r.RecordedAt >= from && r.RecordedAt < to
                && r.IdempotencyKey.StartsWith("referral:") && !r.IdempotencyKey.EndsWith(":0"))
            .CountAsync(cancellationToken));
    }

    /// <inheritdoc />
    public async ValueTask SaveReferralAsync(TenantId tenantId, ReferralChangeSet changes, CancellationToken cancellationToken)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ArgumentNullException.ThrowIfNull(changes);
        cancellationToken.ThrowIfCancellationRequested();
        if (changes.IsEmpty)
        {
            return;
        }

        if ((changes.Referral is { } r && r.TenantId != tenantId) || changes.Rejections.Any(x => x is null || x.TenantId != tenantId))
        {
            throw new ArgumentException($"A change set for tenant '{tenantId}' holds a referral record of another tenant (or a null).", ChangeSetPlan.ParameterName);
        }

        var outbox = ChangeSetPlan.OutboxRowsFor(tenantId, changes.Events, _events);
        await _db.UseAsync(async db =>
        {
            await EfContactStore<TContext>.WriteAsync(db, ct => ApplyReferralAsync(db, tenantId, changes, outbox, ct), ReferralConflict, cancellationToken).ConfigureAwait(false);
            return true;
        }).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask<ContactId?> FindMergeSurvivorAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken)
    {
        TenantId.ThrowIfEmpty(tenantId);
        return _db.UseAsync(async db => await db.Set<LoyaltyMemberMergeRow>().AsNoTracking()
            .Where(r => r.TenantId == tenantId && r.AbsorbedId == contactId).Select(r => (ContactId?)r.SurvivorId)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <inheritdoc />
    public async ValueTask MergeMembersAsync(TenantId tenantId, LedgerMergeChangeSet changes, CancellationToken cancellationToken)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ArgumentNullException.ThrowIfNull(changes);
        cancellationToken.ThrowIfCancellationRequested();
        var outbox = ChangeSetPlan.OutboxRowsFor(tenantId, changes.Events, _events);
        await _db.UseAsync(async db =>
        {
            await EfContactStore<TContext>.WriteAsync(db, ct => ApplyMergeAsync(db, tenantId, changes, outbox, ct), ReferralConflict, cancellationToken).ConfigureAwait(false);
            return true;
        }).ConfigureAwait(false);
    }

    private static async Task ApplyReferralAsync(TContext db, TenantId tenantId, ReferralChangeSet changes, List<OutboxRow> outbox, CancellationToken cancellationToken)
    {
        foreach (var check in changes.VersionChecks.OrderBy(c => c.Counter, StringComparer.Ordinal))
        {
            await EfContactStore<TContext>.AdvanceCounterAsync(db, tenantId, check, cancellationToken).ConfigureAwait(false);
        }

        if (changes.Referral is { } referral)
        {
            var row = ToRow(referral);
            var exists = await db.Set<LoyaltyReferralRow>().AsNoTracking().AnyAsync(r => r.TenantId == tenantId && r.RefereeId == referral.RefereeId, cancellationToken).ConfigureAwait(false);
            if (exists)
            {
                db.Update(row);
            }
            else
            {
                db.Add(row);
            }
        }

        foreach (var rejection in changes.Rejections)
        {
            db.Add(new LoyaltyReferralRejectionRow
            {
                TenantId = tenantId, SourceKey = rejection.SourceKey, RefereeId = rejection.RefereeId, ReferrerId = rejection.ReferrerId,
                Code = rejection.Code, RejectedAt = rejection.RejectedAt,
            });
        }

        db.AddRange(outbox);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task ApplyMergeAsync(TContext db, TenantId tenantId, LedgerMergeChangeSet changes, List<OutboxRow> outbox, CancellationToken cancellationToken)
    {
        foreach (var check in changes.VersionChecks.OrderBy(c => c.Counter, StringComparer.Ordinal))
        {
            await EfContactStore<TContext>.AdvanceCounterAsync(db, tenantId, check, cancellationToken).ConfigureAwait(false);
        }

        // The merge row first: its key refuses a second move of the same member (a conflict, nothing written).
        db.Add(new LoyaltyMemberMergeRow { TenantId = tenantId, AbsorbedId = changes.AbsorbedId, SurvivorId = changes.SurvivorId, MergedAt = changes.MergedAt });
        db.AddRange(outbox);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

        var absorbed = changes.AbsorbedId;
        var survivor = changes.SurvivorId;
        await db.Set<LoyaltyEntryRow>().Where(r => r.TenantId == tenantId && r.ContactId == absorbed)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ContactId, survivor), cancellationToken).ConfigureAwait(false);
        await db.Set<LoyaltyLotRow>().Where(r => r.TenantId == tenantId && r.ContactId == absorbed)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ContactId, survivor), cancellationToken).ConfigureAwait(false);
        await db.Set<LoyaltyAllocationRow>().Where(r => r.TenantId == tenantId && r.ContactId == absorbed)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ContactId, survivor), cancellationToken).ConfigureAwait(false);
    }

    private static ConcurrencyConflictException ReferralConflict(Exception exception)
        => DatabaseErrors.ConstraintTable(exception) switch
        {
            "crm_loyalty_member_merges" => new ConcurrencyConflictException("ledger merge", "member"),
            "crm_loyalty_referrals" => new ConcurrencyConflictException("referral", "referee"),
            _ => new ConcurrencyConflictException("referral rejection", "source"),
        };

    private static async Task<long> ReferralVersionAsync(TContext db, TenantId tenantId, ContactId refereeId, CancellationToken cancellationToken)
    {
        var counter = ReferralChangeSet.ReferralCounter(refereeId);
        return await db.Set<VersionCounterRow>().AsNoTracking().Where(r => r.TenantId == tenantId && r.Name == counter)
            .Select(r => r.Version).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
    }

    private static LoyaltyReferralRow ToRow(LoyaltyReferral referral) => new()
    {
        TenantId = referral.TenantId, RefereeId = referral.RefereeId, ReferrerId = referral.ReferrerId, Status = referral.Status.ToString(),
        AttributedAt = referral.AttributedAt, SourceKey = referral.SourceKey, PurchaseKey = referral.PurchaseKey,
        PurchaseAmount = referral.PurchaseAmount?.Amount, PurchaseCurrency = referral.PurchaseAmount?.Currency.ToString(),
        PurchasedAt = referral.PurchasedAt, EligibleAt = referral.EligibleAt, RefereePoints = referral.RefereePoints, ReferrerPoints = referral.ReferrerPoints,
        ChainPoints = string.Join(',', referral.ChainPoints.Select(p => p.ToString(CultureInfo.InvariantCulture))), SettledAt = referral.SettledAt,
    };

    private static LoyaltyReferral ToReferral(LoyaltyReferralRow row, long version) => new(row.TenantId, row.RefereeId, row.ReferrerId, row.AttributedAt, row.SourceKey)
    {
        Status = Enum.Parse<ReferralStatus>(row.Status),
        Version = version,
        PurchaseKey = row.PurchaseKey,
        PurchaseAmount = row.PurchaseAmount is { } amount && row.PurchaseCurrency is { } currency ? new Money(amount, new CurrencyCode(currency)) : null,
        PurchasedAt = row.PurchasedAt,
        EligibleAt = row.EligibleAt,
        RefereePoints = row.RefereePoints,
        ReferrerPoints = row.ReferrerPoints,
        ChainPoints = row.ChainPoints.Length == 0 ? [] : [.. row.ChainPoints.Split(',').Select(p => long.Parse(p, CultureInfo.InvariantCulture))],
        SettledAt = row.SettledAt,
    };

    private static ReferralRejection ToRejection(LoyaltyReferralRejectionRow row) => new(row.TenantId, row.RefereeId, row.ReferrerId, row.SourceKey, row.Code, row.RejectedAt);
}
