using System.CommandLine;
using System.CommandLine.Parsing;
using Crm.Metrics.Rfm;
using NodaTime;
using NodaTime.Text;

namespace Crm.Samples.RetentionReport.Cli;

/// <summary>
/// The command line (System.CommandLine): every option, its default, and a message for a bad value that names the
/// option and the accepted values.
/// </summary>
internal static class ReportCommand
{
    private static readonly Option<FileInfo?> Transactions = new("--transactions")
    {
        Description = "CSV file with the header customer_id,date,amount (date yyyy-MM-dd or an ISO-8601 instant, amount with '.'). Without it, a customer base is generated with a fixed seed and kept in SQLite.",
        HelpName = "FILE.csv",
    };

    private static readonly Option<LocalDate?> AsOf = new("--as-of")
    {
        Description = "End of observation, inclusive. Default: the date of the last purchase (2025-12-31 for the generated base).",
        HelpName = "yyyy-MM-dd",
        CustomParser = r => Date(r, "--as-of"),
    };

    private static readonly Option<LocalDate?> CalibrationEnd = new("--calibration-end")
    {
        Description = "Last day the figures and models take purchases from, inclusive, on or before --as-of. Default: --as-of.",
        HelpName = "yyyy-MM-dd",
        CustomParser = r => Date(r, "--calibration-end"),
    };

    private static readonly Option<CustomerSummaryTimeUnit?> TimeUnit = new("--time-unit")
    {
        Description = "Time unit of the BG/NBD model. Default: week.",
        HelpName = "day|week",
        CustomParser = Unit,
    };

    private static readonly Option<DateTimeZone?> TimeZone = new("--time-zone")
    {
        Description = "IANA time zone the dates are calendar days in. Default: UTC.",
        HelpName = "IANA-ID",
        CustomParser = Zone,
    };

    private static readonly Option<ReportFormat?> Format = new("--format")
    {
        Description = "text: tables for a person; json: one JSON object on standard output and nothing else (docs/report-json.md). Default: text.",
        HelpName = "text|json",
        CustomParser = FormatOf,
    };

    private static readonly Option<FileInfo?> Html = new("--html")
    {
        Description = $"Where to write the HTML report. Default: {ReportOptions.OutputFolder}/retention-report.html in text format, none in JSON format.",
        HelpName = "PATH",
    };

    /// <summary>The root command; <paramref name="run"/> gets the checked options and returns the exit code.</summary>
    public static RootCommand Create(Func<ReportOptions, CancellationToken, Task<int>> run)
    {
        var command = new RootCommand("CrmCore retention report: customers, revenue, retention and churn, cohorts, RFM, BG/NBD and Gamma-Gamma CLV, referrals.")
        {
            Transactions, AsOf, CalibrationEnd, TimeUnit, TimeZone, Format, Html,
        };
        command.SetAction((result, cancellationToken) => run(
            new ReportOptions(
                result.GetValue(Transactions)?.FullName,
                result.GetValue(AsOf),
                result.GetValue(CalibrationEnd),
                result.GetValue(TimeUnit) ?? CustomerSummaryTimeUnit.Week,
                result.GetValue(TimeZone) ?? DateTimeZone.Utc,
                result.GetValue(Format) ?? ReportFormat.Text,
                result.GetValue(Html)?.FullName),
            cancellationToken));
        return command;
    }

    private static LocalDate? Date(ArgumentResult result, string option)
    {
        var text = result.Tokens.Single().Value;
        if (LocalDatePattern.Iso.Parse(text) is { Success: true } date)
        {
            return date.Value;
        }

        result.AddError($"{option}: '{text}' is not a date; use yyyy-MM-dd, e.g. 2025-12-31.");
        return null;
    }

    private static CustomerSummaryTimeUnit? Unit(ArgumentResult result)
    {
        switch (result.Tokens.Single().Value)
        {
            case "day":
                return CustomerSummaryTimeUnit.Day;
            case "week":
                return CustomerSummaryTimeUnit.Week;
            case var other:
                result.AddError($"--time-unit: '{other}' is not accepted; use day or week.");
                return null;
        }
    }

    private static DateTimeZone? Zone(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value;
        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(text) is { } zone)
        {
            return zone;
        }

        result.AddError($"--time-zone: '{text}' is not an IANA time zone id; use one such as UTC, Europe/Berlin or America/New_York.");
        return null;
    }

    private static ReportFormat? FormatOf(ArgumentResult result)
    {
        switch (result.Tokens.Single().Value)
        {
            case "text":
                return ReportFormat.Text;
            case "json":
                return ReportFormat.Json;
            case var other:
                result.AddError($"--format: '{other}' is not accepted; use text or json.");
                return null;
        }
    }
}
