namespace Crm.Samples.RetentionReport.Tests.Support;

/// <summary>What one run of the sample did.</summary>
/// <param name="ExitCode">The process exit code.</param>
/// <param name="Output">Everything written to standard output.</param>
/// <param name="Error">Everything written to standard error.</param>
internal sealed record SampleRun(int ExitCode, string Output, string Error);
