using Crm.Loyalty.Events;
using Crm.Loyalty.Ledger;
using Crm.Loyalty.Program;
using Crm.Storage;
using NodaTime;

namespace Crm.Loyalty;

public sealed partial class LoyaltyManager
{
    /// <summary>The rule id a referral reward's snapshot records, by depth (0 the referee, 1 the referrer, 2+ up the chain).</summary>
    internal static string ReferralRule(int depth) => depth switch
    {
        0 => "referral-referee",
        1 => "referral-referrer",
        _ => "referral-chain",
    };

    /// <summary>The ledger key of a referral reward: <c>referral:{refereeId}:{depth}</c>, so each side of one referral is paid once.</summary>
    internal static string ReferralKey(ContactId refereeId, int depth)
        => IdempotencyKey.Validate(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"referral:{refereeId}:{depth}"), nameof(refereeId));

    /// <summary>The counter guarding the referral-reward caps of one beneficiary: every capped reward advances it.</summary>
    internal static string ReferralCapCounter(ContactId beneficiary) => $"loyalty.referral_cap:{beneficiary}";

    /// <summary>
    /// Credits one side of a referral reward as an available lot, exactly once (key <see cref="ReferralKey"/>). When
    /// <paramref name="capRoom"/> is given, it is asked under the beneficiary's cap counter whether one more reward fits.
    /// </summary>
    /// <returns>The entry (the first one for a repeat), or <see langword="null"/> when the cap left no room.</returns>
    internal async Task<LedgerEntry?> CreditReferralRewardAsync(
        TenantId tenantId,
        ContactId beneficiary,
        ContactId refereeId,
        int depth,
        long points,
        Func<Instant, CancellationToken, ValueTask<bool>>? capRoom,
        CancellationToken cancellationToken)
    {
        var key = ReferralKey(refereeId, depth);
        var entries = await CommitAsync(
            tenantId,
            beneficiary,
            key,
            async (account, now, ct) =>
            {
                VersionCheck[] checks = [];
                if (capRoom is not null)
                {
                    var counter = ReferralCapCounter(beneficiary);
                    var version = await _store.GetVersionAsync(tenantId, counter, ct).ConfigureAwait(false);
                    if (!await capRoom(now, ct).ConfigureAwait(false))
                    {
                        return null;
                    }

                    checks = [new VersionCheck(counter, version, advance: true)];
                }

                var rule = ReferralRule(depth);
                var snapshot = new EarningSnapshot(Program.Id, Program.Rounding, [new EarnedLine(rule, 0m, 0m, rule, 0m, 1m, points)], 0);
                var entry = new LedgerEntry(tenantId, LedgerEntryId.New(), beneficiary, LedgerEntryKind.Earn, points, now, key) { Snapshot = snapshot };
                var earned = new PointsEarned(tenantId, now, beneficiary, entry.Id, points) { AvailableAt = now, ExpiresAt = Program.ExpiryOf(now, Program.ExpiryMonths) };
                var plan = CreditPlan(account, entry, now, Duration.Zero, Program.ExpiryMonths, earned);
                return plan with
                {
                    Events = [earned, new ReferralRewardPaid(tenantId, now, beneficiary, entry.Id, points, refereeId, depth)],
                    Checks = checks,
                };
            },
            cancellationToken).ConfigureAwait(false);
        return entries.Count == 0 ? null : entries[0];
    }

    /// <summary>The start and end of the cap period holding <paramref name="now"/>, in the program's time zone.</summary>
    internal (Instant From, Instant To) CapWindow(CapPeriod period, Instant now)
    {
        var zone = Program.TimeZone;
        var today = now.InZone(zone).Date;
        var monday = today.With(DateAdjusters.PreviousOrSame(IsoDayOfWeek.Monday));
        var first = today.With(DateAdjusters.StartOfMonth);
        (Instant, Instant) Days(LocalDate from, LocalDate to) => (zone.AtStartOfDay(from).ToInstant(), zone.AtStartOfDay(to).ToInstant());
        return period switch
        {
            CapPeriod.Day => Days(today, today.PlusDays(1)),
            CapPeriod.Week => Days(monday, monday.PlusWeeks(1)),
            CapPeriod.Month => Days(first, first.PlusMonths(1)),
            _ => (Instant.MinValue, Instant.MaxValue),
        };
    }
}
