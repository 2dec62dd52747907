namespace Crm.Samples.RetentionReport.Cli;

/// <summary>What the report prints on standard output.</summary>
internal enum ReportFormat
{
    /// <summary>Tables for a person, with Spectre.Console.</summary>
    Text,

    /// <summary>The one JSON object of docs/report-json.md, and nothing else.</summary>
    Json,
}
