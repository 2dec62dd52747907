namespace Crm.Samples.RetentionReport.Tests.Support;

/// <summary>One run of the README's first command (the sample with no arguments) in a fresh folder, shared by a test class.</summary>
public sealed class DemoRun : IAsyncLifetime
{
    /// <summary>The folder the sample ran in.</summary>
    public DirectoryInfo Folder { get; } = Directory.CreateTempSubdirectory("crm-report-demo-");

    /// <summary>What the run did.</summary>
    internal SampleRun Run { get; private set; } = null!;

    /// <summary>The output folder the sample writes into.</summary>
    public string Output => Path.Combine(Folder.FullName, "retention-report");

    public async Task InitializeAsync() => Run = await SampleProcess.RunAsync([], Folder.FullName);

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Folder.Delete(recursive: true);
        return Task.CompletedTask;
    }
}
