using System.Globalization;

namespace Crm.Metrics.Rfm;

/// <summary>A grid that maps a customer's recency score and combined frequency–monetary score to a named segment.</summary>
/// <remarks>
/// <para>
/// A map must cover each of the 25 (R, FM) cells exactly once, so every customer gets exactly one segment. The grid of
/// <see cref="Default"/> is published as data in <see cref="Entries"/>:
/// </para>
/// <code>
///        FM=1            FM=2                FM=3                FM=4            FM=5
/// R=5    NewCustomers    PotentialLoyalists  PotentialLoyalists  Champions       Champions
/// R=4    Promising       PotentialLoyalists  PotentialLoyalists  LoyalCustomers  LoyalCustomers
/// R=3    AboutToSleep    AboutToSleep        NeedAttention       LoyalCustomers  LoyalCustomers
/// R=2    Hibernating     Hibernating         AtRisk              AtRisk          CannotLoseThem
/// R=1    Lost            Hibernating         AtRisk              AtRisk          CannotLoseThem
/// </code>
/// <para>
/// Source: the widely used RFM segment grid of recency score against a frequency (or frequency–monetary) score, as
/// circulated in practitioners' RFM guides and open notebooks. Versions differ in detail; this one follows the common
/// layout and splits the corner R 1, FM 1 from Hibernating as Lost. Use <see cref="RfmSegmentRules{TSegment}"/> for a
/// segmentation of your own.
/// </para>
/// </remarks>
public sealed class RfmSegmentMap
{
    private readonly RfmSegment[,] _grid;

    /// <summary>Creates a map from entries that cover each (R, FM) cell exactly once.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="entries"/> or one of them is null.</exception>
    /// <exception cref="ArgumentException">A cell is covered by no entry or by more than one.</exception>
    public RfmSegmentMap(IEnumerable<RfmSegmentMapEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var list = entries.ToArray();
        var grid = new RfmSegment[5, 5];
        foreach (var entry in list)
        {
            ArgumentNullException.ThrowIfNull(entry, nameof(entries));
            for (var r = entry.MinRecency; r <= entry.MaxRecency; r++)
            {
                for (var fm = entry.MinFrequencyMonetary; fm <= entry.MaxFrequencyMonetary; fm++)
                {
                    if (grid[r - 1, fm - 1] != default)
                    {
                        throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The cell R {r}, FM {fm} is covered twice ({grid[r - 1, fm - 1]} and {entry.Segment}); each cell needs exactly one segment."), nameof(entries));
                    }

                    grid[r - 1, fm - 1] = entry.Segment;
                }
            }
        }

        for (var r = 1; r <= 5; r++)
        {
            for (var fm = 1; fm <= 5; fm++)
            {
                if (grid[r - 1, fm - 1] == default)
                {
                    throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The cell R {r}, FM {fm} is not covered; each cell needs exactly one segment."), nameof(entries));
                }
            }
        }

        Entries = list;
        _grid = grid;
    }

    /// <summary>The default map (see the remarks for the grid and its source).</summary>
    public static RfmSegmentMap Default { get; } = new(
    [
        new(RfmSegment.Champions, 5, 5, 4, 5),
        new(RfmSegment.LoyalCustomers, 3, 4, 4, 5),
        new(RfmSegment.PotentialLoyalists, 4, 5, 2, 3),
        new(RfmSegment.NewCustomers, 5, 5, 1, 1),
        new(RfmSegment.Promising, 4, 4, 1, 1),
        new(RfmSegment.NeedAttention, 3, 3, 3, 3),
        new(RfmSegment.AboutToSleep, 3, 3, 1, 2),
        new(RfmSegment.AtRisk, 1, 2, 3, 4),
        new(RfmSegment.CannotLoseThem, 1, 2, 5, 5),
        new(RfmSegment.Hibernating, 2, 2, 1, 2),
        new(RfmSegment.Hibernating, 1, 1, 2, 2),
        new(RfmSegment.Lost, 1, 1, 1, 1),
    ]);

    /// <summary>The entries of the map, as given.</summary>
    public IReadOnlyList<RfmSegmentMapEntry> Entries { get; }

    /// <summary>The segment of a customer with <paramref name="scores"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="scores"/> is the default value, not real scores.</exception>
    public RfmSegment Classify(RfmScores scores)
    {
        if (scores.Recency == 0)
        {
            throw new ArgumentException("The scores are the default value, not real 1–5 scores.", nameof(scores));
        }

        return _grid[scores.Recency - 1, scores.FrequencyMonetary - 1];
    }
}
