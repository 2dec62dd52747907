using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Crm.Metrics.Clv;

namespace Crm.Benchmarks.Metrics;

/// <summary>
/// BG/NBD and Gamma-Gamma fits side by side with SciPy (<c>scipy/fit_bench.py</c>) on the same summaries: medians of the
/// fit alone (data loaded beforehand on both sides), the ratio SciPy / Crm.Metrics, and both sides' estimates.
/// Run with <c>dotnet run -c Release --project tests/Crm.Benchmarks -- fit-compare</c>; sizes follow <see cref="FitBenchmarkMode"/>.
/// </summary>
internal static class FitComparison
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Fits that did not converge, or that SciPy beat on the log-likelihood: each makes the run fail.</summary>
    private static readonly List<string> Disagreements = [];

    public static int Run()
    {
        var script = FindScript();
        var python = ScipyAvailable() ? "/usr/bin/python3" : null;
        Console.WriteLine($"mode: {FitBenchmarkMode.Mode}; cores: {Environment.ProcessorCount}; .NET {Environment.Version}");
        if (python is null)
        {
            Console.WriteLine("SciPy contestant skipped: /usr/bin/python3 with scipy is not available (apt-get install -y python3-scipy).");
        }

        Console.WriteLine();
        Console.WriteLine("| model | data | customers | Crm.Metrics median | iterations / evaluations | SciPy BFGS median | iterations / evaluations | SciPy / Crm | Crm.Metrics estimates (LL) | SciPy estimates (LL) |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var dataSet in FitBenchmarkMode.DataSets)
        {
            var (histories, spends) = FitBenchmarkData.Load(dataSet);
            var repeats = FitBenchmarkMode.IsSmoke ? 3 : histories.Length >= 1_000_000 ? 3 : histories.Length >= 100_000 ? 7 : 21;
            var (bgTime, bg) = Median(() => BgNbdModel.Fit(histories), repeats);
            var (ggTime, gg) = Median(() => GammaGammaModel.Fit(spends), repeats);
            JsonElement? scipy = null;
            if (python is not null && script is not null)
            {
                var csv = FitBenchmarkData.WriteCsv(dataSet, histories, spends);
                scipy = RunScipy(python, script, csv, histories.Length >= 1_000_000 ? 1 : repeats);
            }

            Row("BG/NBD", dataSet, bg.Customers, bgTime, bg.Diagnostics, [bg.Model.R, bg.Model.Alpha, bg.Model.A, bg.Model.B], bg.LogLikelihood, scipy?.GetProperty("bgnbd"));
            Row("Gamma-Gamma", dataSet, gg.Customers, ggTime, gg.Diagnostics, [gg.Model.P, gg.Model.Q, gg.Model.Gamma], gg.LogLikelihood, scipy?.GetProperty("gammagamma"));
        }

        foreach (var problem in Disagreements)
        {
            Console.Error.WriteLine($"error: {problem}");
        }

        return Disagreements.Count == 0 ? 0 : 1;
    }

    private static void Row(string model, string dataSet, int customers, double seconds, FitDiagnostics diagnostics, double[] estimates, double logLikelihood, JsonElement? scipy)
    {
        var crm = $"{Join(estimates)} ({logLikelihood.ToString("F3", Inv)})";
        if (!diagnostics.Converged)
        {
            Disagreements.Add($"{model} on {dataSet}: the Crm.Metrics fit did not converge.");
        }

        if (scipy is { } s)
        {
            // Both sides maximize the same likelihood: Crm.Metrics must reach at least SciPy's optimum (within 1e-6 relative).
            var scipyLogLikelihood = s.GetProperty("loglik").GetDouble();
            if (logLikelihood < scipyLogLikelihood - (1e-6 * Math.Abs(scipyLogLikelihood)))
            {
                Disagreements.Add(string.Create(Inv, $"{model} on {dataSet}: log-likelihood {logLikelihood:F6} is below SciPy's {scipyLogLikelihood:F6}."));
            }

            var scipySeconds = s.GetProperty("median_s").GetDouble();
            var parameters = s.GetProperty("params").EnumerateArray().Select(e => e.GetDouble()).ToArray();
            Console.WriteLine(string.Create(Inv,
                $"| {model} | {dataSet} | {customers:N0} | {Ms(seconds)} | {diagnostics.Iterations} / {diagnostics.Evaluations} | {Ms(scipySeconds)} | {s.GetProperty("iterations").GetInt32()} / {s.GetProperty("evaluations").GetInt32()} | {scipySeconds / seconds:F1}× | {crm} | {Join(parameters)} ({s.GetProperty("loglik").GetDouble():F3}) |"));
        }
        else
        {
            Console.WriteLine(string.Create(Inv, $"| {model} | {dataSet} | {customers:N0} | {Ms(seconds)} | {diagnostics.Iterations} / {diagnostics.Evaluations} | skipped | | | {crm} | |"));
        }
    }

    private static string Join(double[] values) => string.Join(", ", values.Select(v => v.ToString("G6", Inv)));

    private static string Ms(double seconds) => seconds < 1 ? (seconds * 1000).ToString("F1", Inv) + " ms" : seconds.ToString("F2", Inv) + " s";

    private static (double Seconds, T Result) Median<T>(Func<T> fit, int repeats)
    {
        var result = fit(); // warm-up (JIT, tiered compilation)
        var times = new List<double>();
        for (var i = 0; i < repeats; i++)
        {
            var watch = Stopwatch.StartNew();
            result = fit();
            times.Add(watch.Elapsed.TotalSeconds);
        }

        times.Sort();
        return (times[times.Count / 2], result);
    }

    private static JsonElement? RunScipy(string python, string script, string csv, int repeats)
    {
        var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(csv);
        start.ArgumentList.Add(repeats.ToString(Inv));
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            Console.WriteLine($"SciPy script failed ({process.ExitCode}): {error}");
            return null;
        }

        return JsonDocument.Parse(output).RootElement.Clone();
    }

    private static bool ScipyAvailable()
    {
        try
        {
            var start = new ProcessStartInfo("/usr/bin/python3", "-c \"import scipy\"") { RedirectStandardError = true, RedirectStandardOutput = true };
            using var process = Process.Start(start);
            process!.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static string? FindScript()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "tests", "Crm.Benchmarks", "scipy", "fit_bench.py");
            if (File.Exists(path))
            {
                return path;
            }
        }

        return null;
    }
}
