using System.Globalization;

namespace Crm.Loyalty.Members;

/// <summary>The cursor of a member ranking: the ranking, the value of the page's last member, and how many members with that value were already returned (so ties page without comparing member ids, whose order differs between databases).</summary>
/// <remarks>Public so that stores in other assemblies page rankings the same way; the text form is opaque to callers.</remarks>
/// <param name="Ranking">The ranking the cursor belongs to.</param>
/// <param name="Value">The ranked value of the last member returned (points, or currency units).</param>
/// <param name="Ties">How many members with <paramref name="Value"/> were returned so far; the next page skips them.</param>
public readonly record struct RankingCursor(MemberRanking Ranking, decimal Value, int Ties)
{
    /// <summary>The value a member is ranked on.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="ranking"/> is not defined.</exception>
    public static decimal ValueOf(MemberActivity activity, MemberRanking ranking)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return ranking switch
        {
            MemberRanking.PointsEarned => activity.PointsEarned,
            MemberRanking.MoneySpent => activity.MoneySpent,
            MemberRanking.Profit => activity.Profit,
            _ => throw new ArgumentOutOfRangeException(nameof(ranking), ranking, "Rank on PointsEarned, MoneySpent or Profit."),
        };
    }

    /// <summary>The cursor after a page of <paramref name="items"/> (best first) that followed <paramref name="previous"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="items"/> is empty.</exception>
    public static RankingCursor After(RankingCursor? previous, MemberRanking ranking, IReadOnlyList<MemberActivity> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0)
        {
            throw new ArgumentException("A cursor follows a page with items.", nameof(items));
        }

        var last = ValueOf(items[^1], ranking);
        var ties = items.Count(m => ValueOf(m, ranking) == last);
        return new RankingCursor(ranking, last, ties + (previous is { } p && p.Value == last ? p.Ties : 0));
    }

    /// <summary>Reads a cursor of <paramref name="ranking"/>, or <see langword="null"/> for the first page.</summary>
    /// <exception cref="ArgumentException">The text is not a cursor of this ranking.</exception>
    public static RankingCursor? Parse(string? cursor, MemberRanking ranking, string paramName)
    {
        if (cursor is null)
        {
            return null;
        }

        var parts = cursor.Split('|');
        return parts.Length == 3
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r == (int)ranking
            && decimal.TryParse(parts[1], NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
            && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var ties) && ties > 0
            ? new RankingCursor(ranking, value, ties)
            : throw new ArgumentException("The page cursor was not produced by this store for this ranking.", paramName);
    }

    /// <summary>The cursor's text form.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{(int)Ranking}|{Value}|{Ties}");
}
