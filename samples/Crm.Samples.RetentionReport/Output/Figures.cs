using System.Globalization;
using Crm.Metrics;

namespace Crm.Samples.RetentionReport.Output;

/// <summary>How the text and HTML reports format numbers (invariant culture, so a figure reads the same everywhere).</summary>
internal static class Figures
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>A count: 12,345.</summary>
    public static string Count(long value) => value.ToString("N0", Invariant);

    /// <summary>An amount of money: 12,345.67.</summary>
    public static string Money(decimal value) => value.ToString("N2", Invariant);

    /// <summary>A money-like or expected-count double (CLV, expected purchases): 123.45, or "—" when undefined.</summary>
    public static string Money(double? value) => value is { } v ? v.ToString("N2", Invariant) : "—";

    /// <summary>A share 0–1 as a percentage with one decimal: 38.2 %, or "—" when undefined.</summary>
    public static string Share(double? value) => value is { } v ? (v * 100).ToString("0.0", Invariant) + " %" : "—";

    /// <summary>A percentage already on the 0–100 scale: 38.2 %, or "—" when undefined.</summary>
    public static string Percentage(MetricValue value) => value.TryGetValue(out var v) ? v.ToString("0.0", Invariant) + " %" : "—";

    /// <summary>A probability: 0.873.</summary>
    public static string Probability(double value) => value.ToString("0.000", Invariant);

    /// <summary>A model parameter or standard error: 0.2430, or "—" when not a number.</summary>
    public static string Estimate(double value) => double.IsFinite(value) ? value.ToString("0.0000", Invariant) : "—";

    /// <summary>A duration in hours with one decimal: 3.5 h, or "—" when there is none.</summary>
    public static string Hours(NodaTime.Duration? value) => value is { } v ? v.TotalHours.ToString("0.0", Invariant) + " h" : "—";

    /// <summary>A Net Promoter Score on −100…100 with one decimal and its sign: +12.5, or "—" when undefined.</summary>
    public static string Nps(MetricValue value) => value.TryGetValue(out var v) ? v.ToString("+0.0;−0.0;0.0", Invariant) : "—";

    /// <summary>A share 0–1 held as a metric value, as a percentage with one decimal: 38.2 %, or "—" when undefined.</summary>
    public static string Share(MetricValue value) => value.TryGetValue(out var v) ? Share(v) : "—";

    /// <summary>A log-likelihood: -9582.43.</summary>
    public static string LogLikelihood(double value) => value.ToString("0.00", Invariant);
}
