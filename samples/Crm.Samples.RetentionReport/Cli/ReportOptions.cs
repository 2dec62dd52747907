using Crm.Metrics.Rfm;
using NodaTime;

namespace Crm.Samples.RetentionReport.Cli;

/// <summary>The command line, parsed and checked.</summary>
/// <param name="Transactions">The CSV file to report on, or null to generate the demonstration customer base.</param>
/// <param name="AsOf">The end of observation, or null for the last purchase date (the generated base's own end).</param>
/// <param name="CalibrationEnd">The end of the calibration period, or null for <paramref name="AsOf"/>.</param>
/// <param name="TimeUnit">The models' time unit.</param>
/// <param name="Zone">The zone dates are read in.</param>
/// <param name="Format">What standard output carries.</param>
/// <param name="Html">Where the HTML report goes, or null for the default (text format) or none (JSON format).</param>
internal sealed record ReportOptions(
    string? Transactions, LocalDate? AsOf, LocalDate? CalibrationEnd, CustomerSummaryTimeUnit TimeUnit, DateTimeZone Zone, ReportFormat Format, string? Html)
{
    /// <summary>The folder the generated base's SQLite file and the default HTML report are written to.</summary>
    public const string OutputFolder = "retention-report";

    /// <summary>The HTML file to write, or null for none: <c>--html</c> when given, otherwise the default path in text format only.</summary>
    public string? HtmlPath => Html ?? (Format == ReportFormat.Text ? Path.Combine(OutputFolder, "retention-report.html") : null);
}
