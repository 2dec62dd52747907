using System.Diagnostics;
using System.Reflection;

namespace Crm.Samples.RetentionReport.Tests.Support;

/// <summary>Runs the built sample as its own process, as a user would, capturing standard output and standard error apart.</summary>
internal static class SampleProcess
{
    private static readonly string Configuration = typeof(SampleProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    /// <summary>The sample's own build output (the test project references it, so it is built in the same configuration).</summary>
    public static string Dll => Path.Combine(RepositoryRoot, "samples", "Crm.Samples.RetentionReport", "bin", Configuration, "net10.0", "Crm.Samples.RetentionReport.dll");

    /// <summary>The folder holding CrmCore.sln.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>The committed test data file <paramref name="name"/>.</summary>
    public static string Data(string name) => Path.Combine(AppContext.BaseDirectory, "Data", name);

    /// <summary>Runs the sample with <paramref name="arguments"/> in <paramref name="workingDirectory"/> (a temporary folder when null).</summary>
    public static async Task<SampleRun> RunAsync(IEnumerable<string> arguments, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? Directory.CreateTempSubdirectory("crm-report-").FullName,
        };
        start.ArgumentList.Add(Dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("The sample could not be started.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return new SampleRun(process.ExitCode, await output, await error);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CrmCore.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("CrmCore.sln was not found above the test output folder.");
    }
}
