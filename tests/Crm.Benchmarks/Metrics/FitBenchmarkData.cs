using System.Globalization;
using Crm.Metrics;
using Crm.Metrics.Clv;
using Crm.Metrics.Rfm;
using MathNet.Numerics.Distributions;
using NodaTime;
using NodaTime.Text;

namespace Crm.Benchmarks.Metrics;

/// <summary>
/// The summaries the fit benchmarks fit, shared with the SciPy script through CSV files (x, t_x, T, m̄): the CDNOW sample
/// summarised as the CDNOW tests do (weeks, calibration to 1997-09-30), or customers simulated from the BG/NBD and
/// Gamma-Gamma models with CDNOW's estimates (fixed seed), ages and recencies in whole days expressed in weeks, as a
/// <see cref="CustomerSummaryBuilder{TCustomer}"/> reports them.
/// </summary>
internal static class FitBenchmarkData
{
    public static string? CdnowFolder { get; } = FindCdnow();

    public static (PurchaseHistory[] Histories, SpendHistory[] Spends) Load(string dataSet)
        => dataSet == "cdnow" ? Cdnow() : Simulate(int.Parse(dataSet, CultureInfo.InvariantCulture), seed: 20_240_601);

    /// <summary>Writes the summary as CSV (x,t_x,T,m) for the SciPy script and returns its path.</summary>
    public static string WriteCsv(string dataSet, PurchaseHistory[] histories, SpendHistory[] spends)
    {
        var path = Path.Combine(Path.GetTempPath(), $"crm-fit-{dataSet}.csv");
        using var writer = new StreamWriter(path);
        writer.WriteLine("x,t_x,T,m");
        for (var i = 0; i < histories.Length; i++)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{histories[i].Frequency},{histories[i].Recency:R},{histories[i].Age:R},{spends[i].AverageSpend}"));
        }

        return path;
    }

    private static (PurchaseHistory[], SpendHistory[]) Simulate(int customers, int seed)
    {
        var rng = new Random(seed);
        var histories = new PurchaseHistory[customers];
        var spends = new SpendHistory[customers];
        for (var i = 0; i < customers; i++)
        {
            var ageDays = rng.Next(0, 274);
            var lambda = Gamma.Sample(rng, 0.243, 4.414) / 7; // per day
            var p = Beta.Sample(rng, 0.793, 2.426);
            var (x, lastDay, t) = (0, 0, 0.0);
            while (lambda > 0)
            {
                t += Exponential.Sample(rng, lambda);
                var day = (int)t;
                if (day > ageDays)
                {
                    break;
                }

                if (day > lastDay)
                {
                    (x, lastDay) = (x + 1, day); // one purchase day per day, as the summary counts
                }

                if (rng.NextDouble() < p)
                {
                    break;
                }
            }

            histories[i] = new PurchaseHistory(x, lastDay / 7.0, ageDays / 7.0);
            var mean = 0m;
            if (x > 0)
            {
                var nu = Gamma.Sample(rng, 3.744, 15.444);
                var sum = 0.0;
                for (var j = 0; j < x; j++)
                {
                    sum += Gamma.Sample(rng, 6.25, nu);
                }

                mean = Math.Max(0.01m, Math.Round((decimal)(sum / x), 2));
            }

            spends[i] = new SpendHistory(x, mean);
        }

        return (histories, spends);
    }

    private static (PurchaseHistory[], SpendHistory[]) Cdnow()
    {
        var options = new CustomerSummaryOptions(DateTimeZone.Utc, new LocalDate(1997, 9, 30), CustomerSummaryTimeUnit.Week, new LocalDate(1998, 6, 30));
        var builder = new CustomerSummaryBuilder<int>(options);
        var pattern = LocalDatePattern.CreateWithInvariantCulture("uuuuMMdd");
        foreach (var line in File.ReadLines(Path.Combine(CdnowFolder!, "CDNOW_sample.txt")))
        {
            var f = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (f.Length >= 5)
            {
                var at = pattern.Parse(f[2]).Value.At(new LocalTime(12, 0)).InUtc().ToInstant();
                builder.Add(new Purchase<int>(int.Parse(f[1], CultureInfo.InvariantCulture), at, decimal.Parse(f[4], CultureInfo.InvariantCulture)));
            }
        }

        var customers = builder.GetResult().Customers;
        return ([.. customers.Select(PurchaseHistory.FromSummary)], [.. customers.Select(SpendHistory.FromSummary)]);
    }

    private static string? FindCdnow()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CrmCore.sln")))
            {
                var folder = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "cdnow"));
                return File.Exists(Path.Combine(folder, "CDNOW_sample.txt")) ? folder : null;
            }
        }

        return null;
    }
}
