using Crm.Loyalty.Events;
using Crm.Loyalty.Ledger;
using Crm.Loyalty.Program;
using NodaTime;

namespace Crm.Loyalty;

public sealed partial class LoyaltyManager
{
    /// <summary>What <paramref name="purchase"/> would earn under the program's rules, without caps and without reading or writing anything.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="purchase"/> is null.</exception>
    /// <exception cref="ArgumentException">A line or tender is not in the program's currency.</exception>
    /// <exception cref="ProgramNotActiveException">The program does not run on the purchase's local date.</exception>
    public EarningPreview Preview(Purchase purchase)
    {
        ArgumentNullException.ThrowIfNull(purchase);
        return EarningCalculator.Compute(Program, purchase, capRoom: null);
    }

    /// <summary>What <paramref name="purchase"/> would earn for the member now, caps and the member's tier multiplier included; reads the member's earnings and tier and writes nothing.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="purchase"/> is null.</exception>
    /// <exception cref="ArgumentException">An id is empty, or a line or tender is not in the program's currency.</exception>
    /// <exception cref="ProgramNotActiveException">The program does not run on the purchase's local date.</exception>
    public async Task<EarningPreview> PreviewAsync(TenantId tenantId, ContactId contactId, Purchase purchase, CancellationToken cancellationToken = default)
    {
        Check(tenantId, contactId);
        ArgumentNullException.ThrowIfNull(purchase);
        var room = await CapRoomAsync(tenantId, contactId, _clock.GetCurrentInstant(), cancellationToken).ConfigureAwait(false);
        var tier = await TierForEarningAsync(tenantId, contactId, cancellationToken).ConfigureAwait(false);
        return EarningCalculator.Compute(Program, purchase, room, Program.TierAt(Program.RankOf(tier?.TierId)));
    }

    /// <summary>Earns the member the points of <paramref name="purchase"/> as one entry and one lot, exactly once per purchase source; in a tiered program, at the stored tier's multiplier, and raising the stored tier in the same change set when the window's total reaches a higher one.</summary>
    /// <returns>The earning entry (the first one when the purchase was already accrued), or <see langword="null"/> when the purchase earns nothing.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="purchase"/> is null.</exception>
    /// <exception cref="ArgumentException">An id is empty, or a line or tender is not in the program's currency.</exception>
    /// <exception cref="ProgramNotActiveException">The program does not run on the purchase's local date.</exception>
    /// <exception cref="ConcurrencyConflictException">The member's balance kept changing for <see cref="LoyaltyOptions.MaxConflictRetries"/> attempts.</exception>
    public async Task<LedgerEntry?> AccruePurchaseAsync(TenantId tenantId, ContactId contactId, Purchase purchase, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(purchase);
        var key = LedgerKeys.Earning(purchase.SourceType, purchase.SourceId);
        var entries = await CommitAsync(
            tenantId,
            contactId,
            key,
            async (account, now, ct) =>
            {
                var room = await CapRoomAsync(tenantId, contactId, now, ct).ConfigureAwait(false);
                var tier = await TierForEarningAsync(tenantId, contactId, ct).ConfigureAwait(false);
                var preview = EarningCalculator.Compute(Program, purchase, room, Program.TierAt(Program.RankOf(tier?.TierId)));
                if (preview.Points == 0)
                {
                    return null;
                }

                var entry = new LedgerEntry(tenantId, LedgerEntryId.New(), contactId, LedgerEntryKind.Earn, preview.Points, now, key) { Snapshot = preview.Snapshot };
                return Earned(account, entry, now) with { TierState = tier };
            },
            cancellationToken).ConfigureAwait(false);
        return entries.Count == 0 ? null : entries[0];
    }

    /// <summary>Pays the member every event rule of <paramref name="earningEvent"/> for the source <paramref name="sourceId"/> (for example the review's id), each rule once.</summary>
    /// <returns>The award entries, one per rule of the event (the first ones for a repeat); empty when the program has no rule for the event.</returns>
    /// <exception cref="ArgumentException">An id is empty or unusable in a key.</exception>
    /// <exception cref="ProgramNotActiveException">The program does not run today.</exception>
    public async Task<IReadOnlyList<LedgerEntry>> AwardEventAsync(TenantId tenantId, ContactId contactId, EarningEvent earningEvent, string sourceId, CancellationToken cancellationToken = default)
    {
        Check(tenantId, contactId);
        LedgerKeys.ValidatePart(sourceId, nameof(sourceId));
        var awarded = new List<LedgerEntry>();
        foreach (var rule in Program.EventRules.Where(r => r.Event == earningEvent))
        {
            var key = LedgerKeys.EventAward(earningEvent, sourceId, rule.Id);
            var entries = await CommitAsync(
                tenantId,
                contactId,
                key,
                async (account, now, ct) =>
                {
                    var date = now.InZone(Program.TimeZone).Date;
                    if (!Program.IsActiveOn(date))
                    {
                        throw new ProgramNotActiveException(Program.Id, date);
                    }

                    var room = await CapRoomAsync(tenantId, contactId, now, ct).ConfigureAwait(false);
                    var points = room is { } r ? Math.Min(rule.Points, Math.Max(0, r)) : rule.Points;
                    if (points == 0)
                    {
                        return null;
                    }

                    var line = new EarnedLine(rule.Id, 0m, 0m, rule.Id, 0m, 1m, points);
                    var snapshot = new EarningSnapshot(Program.Id, Program.Rounding, [line], rule.Points - points);
                    var entry = new LedgerEntry(tenantId, LedgerEntryId.New(), contactId, LedgerEntryKind.Earn, points, now, key) { Snapshot = snapshot };
                    return Earned(account, entry, now);
                },
                cancellationToken).ConfigureAwait(false);
            awarded.AddRange(entries);
        }

        return awarded;
    }

    /// <summary>Pays the birthday rules when today (in the program's zone) is the member's <paramref name="birthday"/>; once per year.</summary>
    /// <remarks>A 29 February birthday falls on 28 February in other years (<see cref="AnnualDate.InYear"/>).</remarks>
    /// <returns>The award entries, or empty when today is not the birthday.</returns>
    public Task<IReadOnlyList<LedgerEntry>> AwardBirthdayAsync(TenantId tenantId, ContactId contactId, AnnualDate birthday, CancellationToken cancellationToken = default)
    {
        var today = _clock.GetCurrentInstant().InZone(Program.TimeZone).Date;
        return birthday.InYear(today.Year) == today
            ? AwardEventAsync(tenantId, contactId, EarningEvent.Birthday, today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken)
            : Task.FromResult<IReadOnlyList<LedgerEntry>>([]);
    }

    private LedgerPlan Earned(Storage.LoyaltyAccount account, LedgerEntry entry, Instant now)
    {
        var availableAt = now + Program.HoldPeriod;
        var earned = new PointsEarned(entry.TenantId, now, entry.ContactId, entry.Id, entry.Points)
        {
            AvailableAt = availableAt,
            ExpiresAt = Program.ExpiryOf(now, Program.ExpiryMonths),
        };
        return CreditPlan(account, entry, now, Program.HoldPeriod, Program.ExpiryMonths, earned);
    }

    /// <summary>The points the caps still allow at <paramref name="now"/>, or <see langword="null"/> when the program has no cap.</summary>
    private async Task<long?> CapRoomAsync(TenantId tenantId, ContactId contactId, Instant now, CancellationToken cancellationToken)
    {
        long? room = null;
        var zone = Program.TimeZone;
        var today = now.InZone(zone).Date;
        (Instant, Instant) Days(LocalDate from, LocalDate to) => (zone.AtStartOfDay(from).ToInstant(), zone.AtStartOfDay(to).ToInstant());
        foreach (var cap in Program.Caps)
        {
            var (start, end) = cap.Period switch
            {
                CapPeriod.Day => Days(today, today.PlusDays(1)),
                CapPeriod.Week => Days(today.With(DateAdjusters.PreviousOrSame(IsoDayOfWeek.Monday)), today.With(DateAdjusters.PreviousOrSame(IsoDayOfWeek.Monday)).PlusWeeks(1)),
                CapPeriod.Month => Days(today.With(DateAdjusters.StartOfMonth), today.With(DateAdjusters.StartOfMonth).PlusMonths(1)),
                _ => (Instant.MinValue, Instant.MaxValue),
            };
            var earned = await _store.SumEarnedAsync(tenantId, contactId, start, end, cancellationToken).ConfigureAwait(false);
            var left = Math.Max(0, cap.MaxPoints - earned);
            room = room is { } r ? Math.Min(r, left) : left;
        }

        return room;
    }
}
