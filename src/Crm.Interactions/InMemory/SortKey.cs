using System.Globalization;
using NodaTime;

namespace Crm.Interactions.InMemory;

/// <summary>The (instant, id) key the in-memory indexes sort on, and its cursor text.</summary>
internal readonly record struct SortKey(Instant At, Guid Id) : IComparable<SortKey>
{
    public static readonly Guid MaxGuid = new("ffffffff-ffff-ffff-ffff-ffffffffffff");

    public int CompareTo(SortKey other)
    {
        var byTime = At.CompareTo(other.At);
        return byTime != 0 ? byTime : Id.CompareTo(other.Id);
    }

    public string ToCursor() => string.Create(CultureInfo.InvariantCulture, $"{At.ToUnixTimeTicks()}.{Id:N}");

    public static SortKey ParseCursor(string cursor, string paramName)
    {
        var dot = cursor.IndexOf('.', StringComparison.Ordinal);
        return dot > 0
            && long.TryParse(cursor.AsSpan(0, dot), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ticks)
            && Guid.TryParseExact(cursor.AsSpan(dot + 1), "N", out var id)
            && ticks >= Instant.MinValue.ToUnixTimeTicks() && ticks <= Instant.MaxValue.ToUnixTimeTicks()
                ? new SortKey(Instant.FromUnixTimeTicks(ticks), id)
                : throw new ArgumentException("The page cursor was not produced by this store.", paramName);
    }
}
