namespace Crm.Metrics.Rfm;

/// <summary>The RFM scores of a set of customers, how many customers got each score, and the tie rule used.</summary>
/// <typeparam name="TCustomer">The host's customer key.</typeparam>
public sealed class RfmScoringResult<TCustomer>
    where TCustomer : notnull
{
    private readonly Dictionary<TCustomer, int> _rowOf;

    internal RfmScoringResult(RfmScoringTieRule tieRule, RfmScoringRow<TCustomer>[] rows, IEqualityComparer<TCustomer> comparer)
    {
        TieRule = tieRule;
        Rows = rows;
        _rowOf = new Dictionary<TCustomer, int>(rows.Length, comparer);
        var r = new long[5];
        var f = new long[5];
        var m = new long[5];
        for (var i = 0; i < rows.Length; i++)
        {
            _rowOf.Add(rows[i].Customer, i);
            r[rows[i].Scores.Recency - 1]++;
            f[rows[i].Scores.Frequency - 1]++;
            m[rows[i].Scores.Monetary - 1]++;
        }

        RecencyScoreCounts = r;
        FrequencyScoreCounts = f;
        MonetaryScoreCounts = m;
        UndefinedReason = rows.Length == 0 ? "no customers to score" : null;
    }

    /// <summary>The tie rule the scores were computed with.</summary>
    public RfmScoringTieRule TieRule { get; }

    /// <summary>One row per customer, in the order the customers were added (the scores do not depend on that order).</summary>
    public IReadOnlyList<RfmScoringRow<TCustomer>> Rows { get; }

    /// <summary>How many customers were scored.</summary>
    public int Customers => Rows.Count;

    /// <summary>How many customers got each recency score (index 0 holds score 1).</summary>
    public IReadOnlyList<long> RecencyScoreCounts { get; }

    /// <summary>How many customers got each frequency score (index 0 holds score 1).</summary>
    public IReadOnlyList<long> FrequencyScoreCounts { get; }

    /// <summary>How many customers got each monetary score (index 0 holds score 1).</summary>
    public IReadOnlyList<long> MonetaryScoreCounts { get; }

    /// <summary>Whether any customer was scored.</summary>
    public bool IsDefined => UndefinedReason is null;

    /// <summary>Why nothing was scored, or <see langword="null"/> when customers were.</summary>
    public string? UndefinedReason { get; }

    /// <summary>Gets the scores of <paramref name="customer"/>; false when the customer was not scored.</summary>
    public bool TryGetScores(TCustomer customer, out RfmScores scores)
    {
        if (_rowOf.TryGetValue(customer, out var i))
        {
            scores = Rows[i].Scores;
            return true;
        }

        scores = default;
        return false;
    }
}
