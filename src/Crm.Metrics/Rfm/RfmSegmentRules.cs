namespace Crm.Metrics.Rfm;

/// <summary>A custom segmentation: ordered predicates over RFM scores, the first that matches wins, else a fallback.</summary>
/// <typeparam name="TSegment">The segment type: an enum, a string, a record of your own.</typeparam>
/// <remarks>Immutable: <see cref="When"/> returns a new set of rules, so a set can be shared and extended safely.</remarks>
public sealed class RfmSegmentRules<TSegment>
{
    private readonly (Func<RfmScores, bool> Predicate, TSegment Segment)[] _rules;

    /// <summary>Creates a set of rules with no predicate, giving every customer <paramref name="fallback"/>.</summary>
    public RfmSegmentRules(TSegment fallback)
        : this([], fallback)
    {
    }

    private RfmSegmentRules((Func<RfmScores, bool>, TSegment)[] rules, TSegment fallback)
    {
        _rules = rules;
        Fallback = fallback;
    }

    /// <summary>The segment of customers no rule matches.</summary>
    public TSegment Fallback { get; }

    /// <summary>How many rules there are, the fallback not counted.</summary>
    public int Count => _rules.Length;

    /// <summary>Returns these rules followed by one more: customers matching <paramref name="predicate"/> (and no earlier rule) get <paramref name="segment"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="predicate"/> is null.</exception>
    public RfmSegmentRules<TSegment> When(Func<RfmScores, bool> predicate, TSegment segment)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return new RfmSegmentRules<TSegment>([.. _rules, (predicate, segment)], Fallback);
    }

    /// <summary>The segment of the first rule <paramref name="scores"/> match, or <see cref="Fallback"/>.</summary>
    public TSegment Classify(RfmScores scores)
    {
        foreach (var (predicate, segment) in _rules)
        {
            if (predicate(scores))
            {
                return segment;
            }
        }

        return Fallback;
    }
}
