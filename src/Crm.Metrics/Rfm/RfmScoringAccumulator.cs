using System.Runtime.InteropServices;

namespace Crm.Metrics.Rfm;

/// <summary>Collects per-customer RFM inputs and scores them 1–5 by quintiles; partials of partitions merge exactly.</summary>
/// <typeparam name="TCustomer">The host's customer key.</typeparam>
/// <remarks>
/// <para>
/// Quintiles need every value, so the accumulator keeps one input per customer (memory proportional to customers). Each
/// dimension is scored on its own, "better" meaning more recent (fewer days), more frequent, or more money, so a higher
/// score is always better. With n customers and L of them strictly worse than a given value:
/// </para>
/// <list type="bullet">
/// <item><see cref="RfmScoringTieRule.SharedScore"/> (default): score = 1 + ⌊5L / n⌋. Equal values always share a
/// score; the worst value always scores 1; if the best tie group holds more than a fifth of the customers it scores
/// below 5, and scores in between may stay empty. Scores depend only on the values, never on input order.</item>
/// <item><see cref="RfmScoringTieRule.RankTiles"/>: customers are ranked by value and then by the secondary key; rank i
/// (0-based, worst first) scores 1 + ⌊5i / n⌋, so the five scores hold ⌊n/5⌋ or ⌈n/5⌉ customers each.</item>
/// </list>
/// </remarks>
public sealed class RfmScoringAccumulator<TCustomer> : IMetricAccumulator<RfmScoringAccumulator<TCustomer>, RfmScoringInput<TCustomer>, RfmScoringResult<TCustomer>>
    where TCustomer : notnull
{
    private readonly Dictionary<TCustomer, RfmScoringInput<TCustomer>> _inputs;
    private readonly IComparer<TCustomer>? _tieBreaker;

    /// <summary>Creates an empty accumulator.</summary>
    /// <param name="tieRule">How equal values are scored.</param>
    /// <param name="tieBreaker">For <see cref="RfmScoringTieRule.RankTiles"/>: the secondary key ordering customers with equal values; it must tell every two customers apart. Defaults to the customer key's natural order.</param>
    /// <param name="comparer">How customer keys are compared for equality (default equality when null).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tieRule"/> is not a defined rule.</exception>
    /// <exception cref="ArgumentException"><see cref="RfmScoringTieRule.RankTiles"/> without a tie breaker for a key type that is not comparable.</exception>
    public RfmScoringAccumulator(RfmScoringTieRule tieRule = RfmScoringTieRule.SharedScore, IComparer<TCustomer>? tieBreaker = null, IEqualityComparer<TCustomer>? comparer = null)
    {
        if (!Enum.IsDefined(tieRule))
        {
            throw new ArgumentOutOfRangeException(nameof(tieRule), tieRule, "The tie rule must be SharedScore or RankTiles.");
        }

        if (tieRule == RfmScoringTieRule.RankTiles && tieBreaker is null)
        {
            if (!typeof(IComparable<TCustomer>).IsAssignableFrom(typeof(TCustomer)) && !typeof(IComparable).IsAssignableFrom(typeof(TCustomer)))
            {
                throw new ArgumentException($"RankTiles needs a tie breaker: {typeof(TCustomer).Name} has no natural order.", nameof(tieBreaker));
            }

            tieBreaker = Comparer<TCustomer>.Default;
        }

        TieRule = tieRule;
        _tieBreaker = tieRule == RfmScoringTieRule.RankTiles ? tieBreaker : null;
        _inputs = new Dictionary<TCustomer, RfmScoringInput<TCustomer>>(comparer);
    }

    /// <summary>The tie rule.</summary>
    public RfmScoringTieRule TieRule { get; }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The input is the default value (no customer) or its customer was already added.</exception>
    public void Add(RfmScoringInput<TCustomer> item)
    {
        if (item.Customer is null)
        {
            throw new ArgumentException("The input names no customer (a default value).", nameof(item));
        }

        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_inputs, item.Customer, out var exists);
        if (exists)
        {
            throw new ArgumentException("Each customer can be scored once; this customer was already added.", nameof(item));
        }

        slot = item;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="other"/> is configured differently, or holds a customer this one holds; nothing is merged then.</exception>
    public void Merge(RfmScoringAccumulator<TCustomer> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.TieRule != TieRule || !Equals(other._tieBreaker, _tieBreaker) || !other._inputs.Comparer.Equals(_inputs.Comparer))
        {
            throw new ArgumentException("Only accumulators with the same tie rule, tie breaker and key comparer can be merged.", nameof(other));
        }

        var theirs = other._inputs.Values.ToArray();
        if (theirs.Any(i => _inputs.ContainsKey(i.Customer)))
        {
            throw new ArgumentException("Each customer can be scored once; the partitions share a customer.", nameof(other));
        }

        foreach (var input in theirs)
        {
            _inputs.Add(input.Customer, input);
        }
    }

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">With <see cref="RfmScoringTieRule.RankTiles"/>, the tie breaker ranked two different customers as equal.</exception>
    public RfmScoringResult<TCustomer> GetResult()
    {
        var inputs = _inputs.Values.ToArray();
        var recency = Score(inputs, (a, b) => b.RecencyDays.CompareTo(a.RecencyDays));
        var frequency = Score(inputs, (a, b) => a.Frequency.CompareTo(b.Frequency));
        var monetary = Score(inputs, (a, b) => a.Monetary.CompareTo(b.Monetary));
        var rows = new RfmScoringRow<TCustomer>[inputs.Length];
        for (var i = 0; i < inputs.Length; i++)
        {
            rows[i] = new RfmScoringRow<TCustomer>(inputs[i], new RfmScores(recency[i], frequency[i], monetary[i]));
        }

        return new RfmScoringResult<TCustomer>(TieRule, rows, _inputs.Comparer);
    }

    // worseFirst orders inputs from the worst value to the best.
    private int[] Score(RfmScoringInput<TCustomer>[] inputs, Comparison<RfmScoringInput<TCustomer>> worseFirst)
    {
        var n = inputs.Length;
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        var tieBreaker = _tieBreaker;
        Array.Sort(order, (a, b) =>
        {
            var byValue = worseFirst(inputs[a], inputs[b]);
            return byValue != 0 || tieBreaker is null ? byValue : tieBreaker.Compare(inputs[a].Customer, inputs[b].Customer);
        });

        var scores = new int[n];
        if (tieBreaker is not null)
        {
            for (var i = 0; i < n; i++)
            {
                if (i > 0 && worseFirst(inputs[order[i - 1]], inputs[order[i]]) == 0
                    && tieBreaker.Compare(inputs[order[i - 1]].Customer, inputs[order[i]].Customer) == 0)
                {
                    throw new InvalidOperationException("The RankTiles tie breaker must tell every two customers apart, but it ranked two different customers as equal.");
                }

                scores[order[i]] = 1 + (int)(5L * i / n);
            }

            return scores;
        }

        for (var start = 0; start < n;)
        {
            var end = start + 1;
            while (end < n && worseFirst(inputs[order[start]], inputs[order[end]]) == 0)
            {
                end++;
            }

            var score = 1 + (int)(5L * start / n);
            for (var i = start; i < end; i++)
            {
                scores[order[i]] = score;
            }

            start = end;
        }

        return scores;
    }
}
