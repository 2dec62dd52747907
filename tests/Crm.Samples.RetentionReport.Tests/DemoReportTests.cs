using Crm.Samples.RetentionReport.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Crm.Samples.RetentionReport.Tests;

/// <summary>The README's first command, as written: a generated base kept in SQLite, the report on standard output, the HTML page beside the database.</summary>
[Collection(DemoRunGroup.Name)]
public sealed class DemoReportTests(DemoRun demo)
{
    [Fact]
    public void It_prints_every_section_of_the_report()
    {
        demo.Run.ExitCode.Should().Be(0, demo.Run.Error);
        foreach (var section in new[] { "CrmCore retention report", "Customers", "Revenue", "Repeat-purchase rate", "Second purchase ≤ 90 days", "Top 20 % of customers",
                     "Retention and churn by quarter", "RFM segments", "Monthly cohorts", "Predictive models", "BG/NBD", "Gamma-Gamma",
                     "Highest predicted CLV", "Most at risk", "Top referrers", "Golden referral chain", "HTML report:",
                     "NPS by quarter", "Detractor alerts raised", "Support cases", "First response (business hours)", "first-contact resolution",
                     "SLA breaches (CheckSlaAsync)", "Loyalty club", "points liability", "redemption rate (redeemed / earned)" })
        {
            demo.Run.Output.Should().Contain(section);
        }
    }

    [Fact]
    public void It_shows_progress_on_standard_error_only()
    {
        demo.Run.Error.Should().Contain("Storing 6,000 contacts").And.Contain("Computing the report");
        demo.Run.Output.Should().NotContain("Storing 6,000 contacts");
    }

    [Fact]
    public async Task The_contacts_and_referrals_are_in_the_sqlite_file()
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(demo.Output, "crm.db")};Mode=ReadOnly");
        await connection.OpenAsync();

        (await CountAsync(connection, "crm_contacts")).Should().Be(ReportRunner.DemoCustomers);
        (await CountAsync(connection, "crm_referrals")).Should().BeGreaterThan(ReportRunner.DemoCustomers / 5);
    }

    [Fact]
    public void The_html_report_is_written_beside_the_database_with_the_referral_section()
    {
        var html = File.ReadAllText(Path.Combine(demo.Output, "retention-report.html"));

        html.Should().Contain("<h2>Referrals</h2>").And.Contain("data-figure=\"goldenChain\"").And.Contain(" → ");
    }

    private static async Task<long> CountAsync(SqliteConnection connection, string table)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table}";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
