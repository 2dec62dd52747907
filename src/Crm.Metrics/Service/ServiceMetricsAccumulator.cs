namespace Crm.Metrics.Service;

/// <summary>Computes <see cref="ServiceMetrics"/> from <see cref="CaseFacts"/> in one pass; partials of partitions merge exactly.</summary>
/// <remarks>
/// Percentiles are exact, not sketched: the accumulator keeps every response and resolution time (16 bytes each), so
/// memory is proportional to the number of cases, plus one counter per distinct category. Merging appends the partials'
/// times and adds their counters, so any split of the cases, merged in any order, gives exactly the one-pass result.
/// </remarks>
public sealed class ServiceMetricsAccumulator : IMetricAccumulator<ServiceMetricsAccumulator, CaseFacts, ServiceMetrics>
{
    private readonly List<Int128> _firstResponse = [];
    private readonly List<Int128> _resolution = [];
    private readonly Dictionary<string, long> _categories = new(StringComparer.Ordinal);
    private long _cases;
    private long _neverAnswered;
    private long _knownContacts;
    private long _firstContact;

    /// <summary>Creates an empty accumulator that reports the <paramref name="topCategories"/> most frequent categories.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="topCategories"/> is negative.</exception>
    public ServiceMetricsAccumulator(int topCategories = 5)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(topCategories);
        TopCategoryCount = topCategories;
    }

    /// <summary>How many categories the result lists.</summary>
    public int TopCategoryCount { get; }

    /// <summary>Computes the service metrics of <paramref name="cases"/> in one pass.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="cases"/> or one of its items is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="topCategories"/> is negative.</exception>
    public static ServiceMetrics Calculate(IEnumerable<CaseFacts> cases, int topCategories = 5)
        => new ServiceMetricsAccumulator(topCategories).AddRange(cases).GetResult();

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="item"/> is null.</exception>
    public void Add(CaseFacts item)
    {
        ArgumentNullException.ThrowIfNull(item);
        _cases++;
        if (item.FirstResponse is { } response)
        {
            _firstResponse.Add((response - item.Opened).ToInt128Nanoseconds());
        }
        else
        {
            _neverAnswered++;
        }

        if (item.Resolved is { } resolved)
        {
            _resolution.Add((resolved - item.Opened).ToInt128Nanoseconds());
            if (item.ContactsToResolve is { } contacts)
            {
                _knownContacts++;
                if (contacts == 1)
                {
                    _firstContact++;
                }
            }
        }

        _categories[item.Category] = _categories.GetValueOrDefault(item.Category) + 1;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="other"/> reports another number of categories.</exception>
    public void Merge(ServiceMetricsAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.TopCategoryCount != TopCategoryCount)
        {
            throw new ArgumentException("Only accumulators reporting the same number of top categories can be merged.", nameof(other));
        }

        _firstResponse.AddRange(other._firstResponse.ToArray());
        _resolution.AddRange(other._resolution.ToArray());
        foreach (var (category, count) in other._categories.ToArray())
        {
            _categories[category] = _categories.GetValueOrDefault(category) + count;
        }

        _cases += other._cases;
        _neverAnswered += other._neverAnswered;
        _knownContacts += other._knownContacts;
        _firstContact += other._firstContact;
    }

    /// <inheritdoc />
    public ServiceMetrics GetResult()
    {
        var top = _categories
            .OrderByDescending(c => c.Value)
            .ThenBy(c => c.Key, StringComparer.Ordinal)
            .Take(TopCategoryCount)
            .Select(c => new CategoryCount(c.Key, c.Value))
            .ToArray();
        return new ServiceMetrics(
            _cases,
            _neverAnswered,
            MetricValue.Ratio(_neverAnswered, _cases, "no cases"),
            DurationStatistics.From([.. _firstResponse], "no answered cases: no first response to measure"),
            DurationStatistics.From([.. _resolution], "no resolved cases: no resolution to measure"),
            _knownContacts,
            _firstContact,
            MetricValue.Ratio(_firstContact, _knownContacts, "no resolved cases with a known contact count"),
            top);
    }
}
