using Crm.Loyalty.Ledger;
using NodaTime;

namespace Crm.Loyalty.Badges;

/// <summary>The facts badges are derived from, read from a member's ledger up to an as-of instant: purchases (net of fully refunded ones), referral rewards paid as referrer, and the first entry.</summary>
internal sealed class BadgeHistory
{
    private BadgeHistory(DateTimeZone zone, Instant asOf, IReadOnlyList<Instant> purchases, IReadOnlyList<Instant> referrerRewards, Instant? firstEntry)
    {
        TimeZone = zone;
        AsOf = asOf;
        Purchases = purchases;
        ReferrerRewards = referrerRewards;
        FirstEntry = firstEntry;
    }

    /// <summary>The program's time zone, for calendar questions.</summary>
    public DateTimeZone TimeZone { get; }

    /// <summary>The instant the history was read as of.</summary>
    public Instant AsOf { get; }

    /// <summary>When each purchase earned (entries keyed <c>earn:…</c>) that its refunds up to the as-of instant did not take back entirely, oldest first.</summary>
    public IReadOnlyList<Instant> Purchases { get; }

    /// <summary>When each referral reward was paid to the member as referrer (entries keyed <c>referral:{referee}:1</c>), oldest first.</summary>
    public IReadOnlyList<Instant> ReferrerRewards { get; }

    /// <summary>When the member's first ledger entry was recorded, or <see langword="null"/> for an empty ledger.</summary>
    public Instant? FirstEntry { get; }

    /// <summary>Reads the history from <paramref name="entries"/>, ignoring those recorded after <paramref name="asOf"/>.</summary>
    public static BadgeHistory Of(IEnumerable<LedgerEntry> entries, DateTimeZone zone, Instant asOf)
    {
        var seen = entries.Where(e => e.RecordedAt <= asOf).ToList();
        var takenBack = seen
            .Where(e => e.Kind == LedgerEntryKind.Reverse && e.ReversesEntryId is not null && e.Snapshot is not null)
            .GroupBy(e => e.ReversesEntryId!.Value)
            .ToDictionary(g => g.Key, g => g.Sum(e => e.Snapshot!.Lines.Sum(l => l.Points)));
        var purchases = seen
            .Where(e => e.Kind == LedgerEntryKind.Earn && e.IdempotencyKey.StartsWith("earn:", StringComparison.Ordinal) && takenBack.GetValueOrDefault(e.Id) < e.Points)
            .Select(e => e.RecordedAt).Order().ToList();
        var referrer = seen.Where(e => e.Kind == LedgerEntryKind.Earn && IsReferrerReward(e.IdempotencyKey)).Select(e => e.RecordedAt).Order().ToList();
        return new BadgeHistory(zone, asOf, purchases, referrer, seen.Count == 0 ? null : seen.Min(e => e.RecordedAt));
    }

    /// <summary>Whether <paramref name="key"/> is the key of a referral reward paid to the referrer (<c>referral:{referee}:1</c>).</summary>
    private static bool IsReferrerReward(string key)
    {
        var parts = key.Split(':');
        return parts.Length == 3 && string.Equals(parts[0], "referral", StringComparison.Ordinal) && string.Equals(parts[2], "1", StringComparison.Ordinal);
    }
}
