namespace Crm.Samples.RetentionReport.Cli;

/// <summary>The dates given (or found) make no report period: the run stops with the reason.</summary>
/// <param name="message">The reason, naming the option.</param>
internal sealed class InvalidReportPeriodException(string message) : Exception(message);
