using System.Globalization;
using Crm.Metrics.Tests.Clv;

namespace Crm.Metrics.Tests.Rfm;

/// <summary>Rebuilds the CDNOW calibration/holdout summary from the raw log and checks it against the README's counts and the 2-decimal summary file.</summary>
public sealed class CustomerSummaryCdnowTests
{
    [CdnowFact]
    public void Summary_OfTheSample_HasTheDocumentedCounts()
    {
        var summary = CdnowData.Summary;

        summary.RowsRead.Should().Be(6919);
        summary.Customers.Should().HaveCount(2357);
        summary.Customers.Count(c => c.Frequency == 0).Should().Be(1411);
        summary.RepeatCustomers.Should().Be(946);
        summary.TotalFrequency.Should().Be(2457);
        summary.TotalHoldoutFrequency.Should().Be(1882);
        summary.PurchasesAfterObservationEnd.Should().Be(0);
        summary.CustomersFirstSeenInHoldout.Should().Be(0);
        summary.Customers.Max(c => c.Age).Should().Be(272 / 7.0);
        summary.Customers[0].Holdout!.Duration.Should().Be(39);
    }

    [CdnowFact]
    public void Summary_OfTheSample_MatchesThePublishedSummaryFileForEveryCustomer()
    {
        var lines = File.ReadAllLines(Path.Combine(CdnowData.Folder!, "cdnow_customers_summary_with_transactions.csv")).Skip(1).Where(l => l.Length > 0);
        var mismatches = 0;
        foreach (var line in lines)
        {
            var f = line.Trim().Split(',');
            CdnowData.Summary.TryGetCustomer(int.Parse(f[0], CultureInfo.InvariantCulture), out var c).Should().BeTrue();
            if (c!.Frequency != int.Parse(f[1], CultureInfo.InvariantCulture)
                || Math.Round(c.Recency, 2, MidpointRounding.AwayFromZero) != double.Parse(f[2], CultureInfo.InvariantCulture)
                || Math.Round(c.Age, 2, MidpointRounding.AwayFromZero) != double.Parse(f[3], CultureInfo.InvariantCulture)
                || Math.Round(c.MonetaryValue, 2, MidpointRounding.AwayFromZero) != decimal.Parse(f[4], CultureInfo.InvariantCulture))
            {
                mismatches++;
            }
        }

        mismatches.Should().Be(0);
    }
}
