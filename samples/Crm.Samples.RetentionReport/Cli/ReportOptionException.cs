namespace Crm.Samples.RetentionReport.Cli;

/// <summary>Options that parse one by one but make no report together (e.g. a calibration end after the end of observation): the run stops naming them.</summary>
/// <param name="message">The reason, naming the options.</param>
internal sealed class ReportOptionException(string message) : Exception(message);
