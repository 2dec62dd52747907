using System.Diagnostics;

namespace Crm.Samples.RetentionReport.Tests.Support;

/// <summary>Debian's headless Chromium, found on PATH, to open the HTML report as a reader's browser would.</summary>
internal static class Chromium
{
    /// <summary>The browser's path, or null when it is not installed.</summary>
    public static string? Path { get; } = Find();

    /// <summary>Whether this run is CI (<c>CI=true</c>), where a missing browser fails the browser tests instead of skipping them.</summary>
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why the browser tests are skipped, or null when they run (the browser is there, or this is CI, where its absence fails them).</summary>
    public static string? SkipReason => Path is null && !InCi
        ? "Browser test skipped: chromium is not on PATH. Install it with `apt-get install -y chromium` (.ci/run does; CI always runs this test)."
        : null;

    /// <summary>Loads <paramref name="file"/> headless, runs its layout, and returns the DOM as the browser built it.</summary>
    /// <exception cref="InvalidOperationException">The browser is missing (in CI) or failed.</exception>
    public static async Task<string> DumpDomAsync(string file)
    {
        var browser = Path ?? throw new InvalidOperationException("chromium is not on PATH, and in CI (CI=true) the browser tests must run: .ci/run installs it with apt-get install -y chromium.");
        var start = new ProcessStartInfo(browser) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-extensions", "--no-first-run", "--user-data-dir=" + Directory.CreateTempSubdirectory("crm-chromium-").FullName, "--dump-dom", new Uri(file).AbsoluteUri })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var dom = process.StandardOutput.ReadToEndAsync();
        var log = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"chromium exited with {process.ExitCode}: {await log}");
        }

        return await dom;
    }

    private static string? Find()
        => (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(dir => new[] { "chromium", "chromium-browser" }.Select(name => System.IO.Path.Combine(dir, name)))
            .FirstOrDefault(File.Exists);
}
