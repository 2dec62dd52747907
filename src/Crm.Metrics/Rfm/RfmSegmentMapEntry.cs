using System.Globalization;

namespace Crm.Metrics.Rfm;

/// <summary>One cell range of an RFM segment map: customers whose recency score and combined frequency–monetary score fall in the ranges belong to <see cref="Segment"/>.</summary>
public sealed class RfmSegmentMapEntry
{
    /// <summary>Creates an entry; all bounds are inclusive scores 1–5.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A bound is not 1–5, a minimum exceeds its maximum, or the segment is not defined.</exception>
    public RfmSegmentMapEntry(RfmSegment segment, int minRecency, int maxRecency, int minFrequencyMonetary, int maxFrequencyMonetary)
    {
        if (!Enum.IsDefined(segment))
        {
            throw new ArgumentOutOfRangeException(nameof(segment), segment, "The segment must be a defined RfmSegment.");
        }

        CheckRange(minRecency, maxRecency, nameof(minRecency));
        CheckRange(minFrequencyMonetary, maxFrequencyMonetary, nameof(minFrequencyMonetary));
        Segment = segment;
        MinRecency = minRecency;
        MaxRecency = maxRecency;
        MinFrequencyMonetary = minFrequencyMonetary;
        MaxFrequencyMonetary = maxFrequencyMonetary;
    }

    /// <summary>The segment.</summary>
    public RfmSegment Segment { get; }

    /// <summary>The lowest recency score of the range.</summary>
    public int MinRecency { get; }

    /// <summary>The highest recency score of the range.</summary>
    public int MaxRecency { get; }

    /// <summary>The lowest combined frequency–monetary score of the range.</summary>
    public int MinFrequencyMonetary { get; }

    /// <summary>The highest combined frequency–monetary score of the range.</summary>
    public int MaxFrequencyMonetary { get; }

    /// <summary>Whether <paramref name="scores"/> fall in this entry's ranges.</summary>
    public bool Contains(RfmScores scores)
        => scores.Recency >= MinRecency && scores.Recency <= MaxRecency
           && scores.FrequencyMonetary >= MinFrequencyMonetary && scores.FrequencyMonetary <= MaxFrequencyMonetary;

    /// <summary>The entry as "R 3–4, FM 4–5 → LoyalCustomers".</summary>
    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture, $"R {MinRecency}–{MaxRecency}, FM {MinFrequencyMonetary}–{MaxFrequencyMonetary} → {Segment}");

    private static void CheckRange(int min, int max, string name)
    {
        if (min is < 1 or > 5 || max is < 1 or > 5 || min > max)
        {
            throw new ArgumentOutOfRangeException(name, min, string.Create(CultureInfo.InvariantCulture, $"A score range must satisfy 1 ≤ min ≤ max ≤ 5 (was {min}–{max})."));
        }
    }
}
