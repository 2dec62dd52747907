namespace Crm.Metrics.Retention;

/// <summary>A customer retention rate over one period, with the counts it was computed from.</summary>
/// <param name="StartCustomers">S: customers active at the start of the period.</param>
/// <param name="NewCustomers">N: customers not active at the start who became active during the period (new, or returning after lapsing), including any who were gone again by its end.</param>
/// <param name="EndCustomers">E: customers active at the end of the period.</param>
/// <param name="RetainedCustomers">|S ∩ E|: customers active at both the start and the end; <see langword="null"/> when only counts were given.</param>
/// <param name="Retention">CRR = (E − N) / S, a fraction (1 = every starting customer kept; can be negative, see remarks); undefined when S = 0.</param>
/// <param name="ExactRetention">|S ∩ E| / S, a fraction 0–1; undefined when S = 0 or when customer identities are unknown.</param>
/// <remarks>
/// <para>
/// CRR = (E − N) / S × 100 is the customer retention rate as commonly taught in marketing and customer-success texts: it
/// needs only three counts. It assumes every new customer is still there at the end. When some of the N new customers
/// leave again within the period, they are subtracted (in N) although they are not in E, so the formula undercounts:
/// with L new customers lost in the period, E = |S ∩ E| + (N − L) and therefore
/// (E − N) / S = (|S ∩ E| − L) / S, exactly L / S below the true share of starting customers kept. The count form can
/// even be negative. Example: S = 100, 90 of them kept, N = 20 of whom 8 leave again, so E = 90 + 12 = 102; CRR gives
/// (102 − 20) / 100 = 82 % while 90 % of the starting customers were kept.
/// </para>
/// <para>
/// When identities are known (<see cref="RetentionRate.FromCustomers{TCustomer}"/> and the activity accumulators),
/// <see cref="ExactRetention"/> is that true share, and <see cref="NewCustomersLost"/> is L.
/// </para>
/// <para>
/// Rates are fractions; <see cref="RetentionPercent"/> and <see cref="ExactRetentionPercent"/> give the seed's × 100 form,
/// computed from the counts in one division (S = 20, N = 5, E = 24 gives exactly 95).
/// </para>
/// </remarks>
public sealed record RetentionResult(
    long StartCustomers,
    long NewCustomers,
    long EndCustomers,
    long? RetainedCustomers,
    MetricValue Retention,
    MetricValue ExactRetention)
{
    internal const string NoStartReason = "S = 0: no customers at the start of the period";

    /// <summary>CRR = (E − N) / S × 100, the seed formula as a percentage; undefined when S = 0.</summary>
    public MetricValue RetentionPercent => MetricValue.Ratio(EndCustomers - NewCustomers, StartCustomers, NoStartReason, 100);

    /// <summary>|S ∩ E| / S × 100, a percentage 0–100; undefined when S = 0 or when customer identities are unknown.</summary>
    public MetricValue ExactRetentionPercent => RetainedCustomers is { } r ? MetricValue.Ratio(r, StartCustomers, NoStartReason, 100) : ExactRetention;

    /// <summary>Starting customers who were not active at the end (S − |S ∩ E|); <see langword="null"/> when identities are unknown.</summary>
    public long? LostCustomers => StartCustomers - RetainedCustomers;

    /// <summary>New customers who were gone again by the end (N − (E − |S ∩ E|)): the cause of the count formula's undercount; <see langword="null"/> when identities are unknown.</summary>
    public long? NewCustomersLost => NewCustomers - (EndCustomers - RetainedCustomers);

    internal static RetentionResult Create(long start, long acquired, long end, long? retained)
    {
        var crr = MetricValue.Ratio(end - acquired, start, NoStartReason);
        var exact = retained is { } r
            ? MetricValue.Ratio(r, start, NoStartReason)
            : MetricValue.Undefined("customer identities are unknown: only counts were given, so |S ∩ E| cannot be measured");
        return new RetentionResult(start, acquired, end, retained, crr, exact);
    }
}
