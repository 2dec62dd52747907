using Crm.Metrics.Cohorts;
using Crm.Metrics.Pareto;
using Crm.Metrics.Repeat;
using Crm.Metrics.Retention;
using Crm.Metrics.Rfm;
using NodaTime;

namespace Crm.Metrics.Analysis;

/// <summary>Reads a purchase stream once and yields every figure of <see cref="PurchaseAnalysisResult{TCustomer}"/>; partials of partitions merge exactly.</summary>
/// <typeparam name="TCustomer">The host's customer key.</typeparam>
/// <remarks>
/// <para>
/// Each purchase's day is read in the options' zone (a date-only purchase keeps its date). The repeat, Pareto and cohort
/// calculators read the calibration window (start to calibration end) and count what falls outside it; a purchase before
/// the start is counted and dropped, and every other one feeds the per-customer summary, which keeps the calibration and
/// holdout data and counts what falls after the observation end. Retention by period, RFM scores and the model inputs are derived in
/// <see cref="GetResult"/> from the per-customer summary's distinct days and the Pareto totals, so the stream is read once.
/// </para>
/// <para>
/// Memory: per customer the state of the calculators it feeds (a few dozen bytes each), one 4-byte day per distinct purchase
/// day and one cell per active cohort period, never per purchase. Negative amounts are rejected (net refunds first); a
/// rejected purchase changes nothing.
/// </para>
/// </remarks>
public sealed class PurchaseAnalysisAccumulator<TCustomer> : IMetricAccumulator<PurchaseAnalysisAccumulator<TCustomer>, Purchase<TCustomer>, PurchaseAnalysisResult<TCustomer>>
    where TCustomer : notnull
{
    private readonly IComparer<TCustomer>? _customerOrder;
    private readonly IEqualityComparer<TCustomer> _comparer;
    private readonly CustomerSummaryBuilder<TCustomer> _summary;
    private readonly RepeatPurchaseAccumulator<TCustomer> _repeat;
    private readonly ParetoAccumulator<TCustomer> _pareto;
    private readonly CohortAccumulator<TCustomer> _cohorts;
    private readonly int _startDay;
    private readonly int _calibrationEndDay;
    private long _beforeStart;

    /// <summary>Creates an empty accumulator.</summary>
    /// <param name="options">The zone, end dates, time unit, start and section settings.</param>
    /// <param name="customerOrder">Orders customers with equal revenue in the Pareto ranking (and breaks RankTiles ties); defaults to ordinal order for strings and the natural order otherwise.</param>
    /// <param name="comparer">How customer keys are compared for equality (default equality when null).</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="customerOrder"/> is null and <typeparamref name="TCustomer"/> has no natural order.</exception>
    public PurchaseAnalysisAccumulator(PurchaseAnalysisOptions options, IComparer<TCustomer>? customerOrder = null, IEqualityComparer<TCustomer>? comparer = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        _customerOrder = customerOrder;
        _comparer = comparer ?? EqualityComparer<TCustomer>.Default;
        var window = options.CalibrationWindow;
        _pareto = new ParetoAccumulator<TCustomer>(window, customerOrder, comparer);
        _summary = new CustomerSummaryBuilder<TCustomer>(options.Summary, comparer);
        _repeat = new RepeatPurchaseAccumulator<TCustomer>(window, options.ConversionWindowDays, comparer);
        _cohorts = new CohortAccumulator<TCustomer>(options.CohortUnit, window, comparer);
        _startDay = window.StartDay;
        _calibrationEndDay = window.EndDay;
    }

    /// <summary>The options the stream is read with.</summary>
    public PurchaseAnalysisOptions Options { get; }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The purchase names no customer (a default value).</exception>
    /// <exception cref="ArgumentOutOfRangeException">The amount is negative, or a customer's total would leave decimal's range; nothing was added.</exception>
    public void Add(Purchase<TCustomer> item)
    {
        PurchaseChecks.Check(item);
        var day = LocalDays.Of(item, Options.Zone);

        // The windowed calculators see every purchase, so that their own counts of what they skipped are those of a separate
        // run. The one calculator that can refuse a purchase (a customer's total leaving decimal's range) goes first: in the
        // calibration period the Pareto total, the largest sum any of them keeps; after it the summary's holdout total. So a
        // refused purchase changes nothing.
        if (day > _calibrationEndDay)
        {
            _summary.Add(item);
        }

        _pareto.Add(item);
        _repeat.Add(item);
        _cohorts.Add(item);
        if (day < _startDay)
        {
            _beforeStart++;
        }
        else if (day <= _calibrationEndDay)
        {
            _summary.Add(item);
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="other"/> has other options or compares or orders customers differently, or is this accumulator.</exception>
    public void Merge(PurchaseAnalysisAccumulator<TCustomer> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (ReferenceEquals(other, this))
        {
            throw new ArgumentException("An accumulator cannot be merged into itself: its purchases would count twice.", nameof(other));
        }

        if (!Options.SameAs(other.Options) || !Equals(_comparer, other._comparer) || !Equals(_customerOrder, other._customerOrder))
        {
            throw new ArgumentException("Only accumulators with the same options, customer comparer and customer order can be merged.", nameof(other));
        }

        _pareto.Merge(other._pareto);
        _repeat.Merge(other._repeat);
        _cohorts.Merge(other._cohorts);
        _summary.Merge(other._summary);
        _beforeStart += other._beforeStart;
    }

    /// <inheritdoc />
    public PurchaseAnalysisResult<TCustomer> GetResult()
    {
        var summaries = _summary.GetResult();
        var repeat = _repeat.GetResult();
        var pareto = _pareto.GetResult();
        var cohorts = _cohorts.GetResult();

        LocalDate? first = Options.Start;
        if (first is null)
        {
            foreach (var c in summaries.Customers)
            {
                if (first is null || c.FirstPurchaseDate < first)
                {
                    first = c.FirstPurchaseDate;
                }
            }
        }

        var retention = PeriodRetentionTally.Compute(Options, _summary, summaries.Customers.Count == 0 ? null : first);
        var (rfm, segments) = Rfm(summaries, pareto);
        var counts = new PurchaseAnalysisCounts(
            summaries.RowsRead + _beforeStart,
            summaries.PurchasesInCalibration,
            _beforeStart,
            summaries.PurchasesInHoldout,
            summaries.PurchasesAfterObservationEnd,
            summaries.CustomersFirstSeenInHoldout);
        return new PurchaseAnalysisResult<TCustomer>(Options, counts, repeat, pareto, cohorts, retention, rfm, segments, new ModelInputs<TCustomer>(summaries));
    }

    // RFM scores from recency (days from the last purchase day to the calibration end), purchase days and calibration revenue.
    private (RfmScoringResult<TCustomer> Scores, RfmSegmentSize[] Segments) Rfm(CustomerSummarySet<TCustomer> summaries, ParetoResult<TCustomer> pareto)
    {
        var revenue = new Dictionary<TCustomer, decimal>(pareto.Customers, _comparer);
        foreach (var c in pareto.Ranked)
        {
            revenue.Add(c.Customer, c.Amount);
        }

        var scoring = new RfmScoringAccumulator<TCustomer>(Options.RfmTieRule, _customerOrder, _comparer);
        var end = Options.CalibrationEnd;
        foreach (var c in summaries.Customers)
        {
            var recency = Period.Between(c.LastPurchaseDate, end, PeriodUnits.Days).Days;
            scoring.Add(new RfmScoringInput<TCustomer>(c.Customer, recency, c.Frequency + 1L, revenue[c.Customer]));
        }

        var scores = scoring.GetResult();
        var segments = Enum.GetValues<RfmSegment>();
        var sizes = new long[segments.Length];
        foreach (var row in scores.Rows)
        {
            sizes[Array.IndexOf(segments, RfmSegmentMap.Default.Classify(row.Scores))]++;
        }

        var result = new RfmSegmentSize[segments.Length];
        for (var i = 0; i < segments.Length; i++)
        {
            result[i] = new RfmSegmentSize(segments[i], sizes[i], MetricValue.Ratio(sizes[i], scores.Customers, "no customers to score"));
        }

        return (scores, result);
    }
}
