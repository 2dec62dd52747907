namespace Crm.Benchmarks.Metrics;

/// <summary>
/// How much work the fit benchmarks do, from the environment variable <c>CRM_BENCH_MODE</c>: <c>smoke</c> (tiny data, one
/// quick pass, for CI), <c>short</c> (CDNOW and 100,000 customers) or <c>full</c> (the default: CDNOW, 100,000 and 1,000,000).
/// </summary>
internal static class FitBenchmarkMode
{
    public static string Mode { get; } = (Environment.GetEnvironmentVariable("CRM_BENCH_MODE") ?? "full").Trim().ToLowerInvariant() switch
    {
        "smoke" => "smoke",
        "short" => "short",
        _ => "full",
    };

    public static bool IsSmoke => Mode == "smoke";

    /// <summary>The data sets fitted: the CDNOW sample (when ../shared/data/cdnow is present) and simulated customer counts.</summary>
    public static IEnumerable<string> DataSets
    {
        get
        {
            if (FitBenchmarkData.CdnowFolder is not null)
            {
                yield return "cdnow";
            }

            foreach (var n in Mode switch { "smoke" => new[] { 2_000 }, "short" => [100_000], _ => [100_000, 1_000_000] })
            {
                yield return n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }
    }
}
