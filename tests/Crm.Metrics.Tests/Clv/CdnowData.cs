using System.Globalization;
using Crm.Metrics.Clv;
using Crm.Metrics.Rfm;
using NodaTime;
using NodaTime.Text;

namespace Crm.Metrics.Tests.Clv;

/// <summary>The CDNOW sample read from ../shared/data/cdnow and summarised with <see cref="CustomerSummaryBuilder{TCustomer}"/>.</summary>
internal static class CdnowData
{
    /// <summary>Calibration 1997-01-01 to 1997-09-30 inclusive, holdout to 1998-06-30, weeks, days read in UTC.</summary>
    public static CustomerSummaryOptions Options { get; } =
        new(DateTimeZone.Utc, new LocalDate(1997, 9, 30), CustomerSummaryTimeUnit.Week, new LocalDate(1998, 6, 30));

    private static readonly Lazy<IReadOnlyList<Purchase<int>>> LazyTransactions = new(ReadTransactions);
    private static readonly Lazy<CustomerSummarySet<int>> LazySummary = new(() =>
        new CustomerSummaryBuilder<int>(Options).AddRange(Transactions).GetResult());

    public static string? Folder { get; } = FindFolder();

    public static IReadOnlyList<Purchase<int>> Transactions => LazyTransactions.Value;

    public static CustomerSummarySet<int> Summary => LazySummary.Value;

    public static IReadOnlyList<PurchaseHistory> Histories => Summary.Customers.Select(PurchaseHistory.FromSummary).ToList();

    public static IReadOnlyList<SpendHistory> Spends => Summary.Customers.Select(SpendHistory.FromSummary).ToList();

    /// <summary>Reads one of the 2-decimal summary CSVs (ID,x,t_x,T,zbar).</summary>
    public static IReadOnlyList<(PurchaseHistory History, SpendHistory Spend)> ReadRoundedSummary()
    {
        var lines = File.ReadAllLines(Path.Combine(Folder!, "cdnow_customers_summary_with_transactions.csv")).Skip(1);
        return lines.Where(l => l.Length > 0).Select(l =>
        {
            var f = l.Trim().Split(',');
            var x = int.Parse(f[1], CultureInfo.InvariantCulture);
            return (new PurchaseHistory(x, double.Parse(f[2], CultureInfo.InvariantCulture), double.Parse(f[3], CultureInfo.InvariantCulture)),
                    new SpendHistory(x, decimal.Parse(f[4], CultureInfo.InvariantCulture)));
        }).ToList();
    }

    private static List<Purchase<int>> ReadTransactions()
    {
        var pattern = LocalDatePattern.CreateWithInvariantCulture("uuuuMMdd");
        var purchases = new List<Purchase<int>>();
        foreach (var line in File.ReadLines(Path.Combine(Folder!, "CDNOW_sample.txt")))
        {
            var f = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (f.Length < 5)
            {
                continue;
            }

            var date = pattern.Parse(f[2]).Value;
            // Noon UTC: the file has calendar dates only; any time of day in the summary's zone gives the same day.
            var at = date.At(new LocalTime(12, 0)).InUtc().ToInstant();
            purchases.Add(new Purchase<int>(int.Parse(f[1], CultureInfo.InvariantCulture), at, decimal.Parse(f[4], CultureInfo.InvariantCulture)));
        }

        return purchases;
    }

    private static string? FindFolder()
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
