using NodaTime;

namespace Crm.Metrics.Service;

/// <summary>Median, 90th percentile, mean and range of a set of durations, or an explicit undefined state.</summary>
/// <param name="Count">How many durations were summarised.</param>
/// <param name="Median">The 50th percentile; <see langword="null"/> when <see cref="Count"/> is 0.</param>
/// <param name="Percentile90">The 90th percentile; <see langword="null"/> when <see cref="Count"/> is 0.</param>
/// <param name="Mean">The arithmetic mean, rounded to the nanosecond; <see langword="null"/> when <see cref="Count"/> is 0.</param>
/// <param name="Minimum">The shortest duration; <see langword="null"/> when <see cref="Count"/> is 0.</param>
/// <param name="Maximum">The longest duration; <see langword="null"/> when <see cref="Count"/> is 0.</param>
/// <param name="UndefinedReason">Why there are no statistics, or <see langword="null"/> when there are.</param>
/// <remarks>
/// Percentiles are Hyndman–Fan type 7 (linear interpolation between closest ranks; the default of R, NumPy and Excel's
/// PERCENTILE.INC): with the n values sorted x₁ ≤ … ≤ xₙ, h = (n − 1)p + 1 and Q(p) = x⌊h⌋ + (h − ⌊h⌋)(x⌊h⌋₊₁ − x⌊h⌋),
/// computed exactly in decimal nanoseconds and rounded to the nearest nanosecond (halves away from zero).
/// </remarks>
public sealed record DurationStatistics(
    long Count,
    Duration? Median,
    Duration? Percentile90,
    Duration? Mean,
    Duration? Minimum,
    Duration? Maximum,
    string? UndefinedReason)
{
    /// <summary>Whether there were durations to summarise.</summary>
    public bool IsDefined => UndefinedReason is null;

    /// <summary>The type-7 percentile <paramref name="p"/> (0–1) of <paramref name="values"/>, or <see langword="null"/> when empty.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is not between 0 and 1.</exception>
    public static Duration? Percentile(IEnumerable<Duration> values, decimal p)
    {
        ArgumentNullException.ThrowIfNull(values);
        CheckProbability(p);
        var sorted = values.Select(v => v.ToInt128Nanoseconds()).ToArray();
        Array.Sort(sorted);
        return sorted.Length == 0 ? null : SortedPercentile(sorted, p);
    }

    internal static DurationStatistics From(Int128[] nanoseconds, string reasonIfEmpty)
    {
        if (nanoseconds.Length == 0)
        {
            return new DurationStatistics(0, null, null, null, null, null, reasonIfEmpty);
        }

        Array.Sort(nanoseconds);
        Int128 sum = 0;
        foreach (var value in nanoseconds)
        {
            sum += value;
        }

        var n = (Int128)nanoseconds.Length;
        var mean = Int128.DivRem(sum, n);
        var rounded = mean.Quotient + (2 * Int128.Abs(mean.Remainder) >= n ? Int128.Sign(mean.Remainder) : 0);
        return new DurationStatistics(
            nanoseconds.Length,
            SortedPercentile(nanoseconds, 0.5m),
            SortedPercentile(nanoseconds, 0.9m),
            Duration.FromNanoseconds(rounded),
            Duration.FromNanoseconds(nanoseconds[0]),
            Duration.FromNanoseconds(nanoseconds[^1]),
            null);
    }

    private static Duration SortedPercentile(Int128[] sorted, decimal p)
    {
        var h = (sorted.Length - 1) * p;
        var lower = (int)decimal.Floor(h);
        var fraction = h - lower;
        if (fraction == 0 || lower + 1 >= sorted.Length)
        {
            return Duration.FromNanoseconds(sorted[lower]);
        }

        var low = (decimal)sorted[lower];
        var value = low + (fraction * ((decimal)sorted[lower + 1] - low));
        return Duration.FromNanoseconds((Int128)Math.Round(value, MidpointRounding.AwayFromZero));
    }

    private static void CheckProbability(decimal p)
    {
        if (p is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "The percentile must be between 0 and 1 (e.g. 0.9 for the 90th).");
        }
    }
}
