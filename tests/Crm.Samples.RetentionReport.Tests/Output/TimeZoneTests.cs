using System.Text.Json;
using Crm.Samples.RetentionReport.Tests.Support;

namespace Crm.Samples.RetentionReport.Tests.Output;

/// <summary>Instants become calendar days in --time-zone; date-only values stay the day they name.</summary>
public sealed class TimeZoneTests
{
    [Fact]
    public async Task An_instant_late_on_the_last_day_of_February_in_UTC_is_March_in_Yerevan()
    {
        // D bought at 2024-02-29T23:30Z: 29 February in UTC, 03:30 on 1 March in Asia/Yerevan (UTC+4). So in Yerevan the
        // 2024-02 cohort is C alone and the 2024-03 cohort is D and E; every date-only row stays on its own day.
        var utc = await CohortsAsync("UTC");
        var yerevan = await CohortsAsync("Asia/Yerevan");

        utc.Should().Equal(("2024-01", 2), ("2024-02", 2), ("2024-03", 1));
        yerevan.Should().Equal(("2024-01", 2), ("2024-02", 1), ("2024-03", 2));
    }

    private static async Task<(string, int)[]> CohortsAsync(string zone)
    {
        var run = await SampleProcess.RunAsync(["--transactions", SampleProcess.Data("transactions.csv"), "--as-of", "2024-04-30", "--calibration-end", "2024-03-31", "--time-zone", zone, "--format", "json"]);
        run.ExitCode.Should().Be(0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        return [.. json.RootElement.GetProperty("cohorts").EnumerateArray().Select(c => (c.GetProperty("cohort").GetString()!, c.GetProperty("size").GetInt32()))];
    }
}
