using Crm.Samples.RetentionReport.Tests.Support;

namespace Crm.Samples.RetentionReport.Tests.Input;

/// <summary>A malformed row stops the run with its line number and the reason, a non-zero exit code and nothing on standard output.</summary>
public sealed class MalformedCsvTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("crm-report-csv-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Theory]
    [InlineData("B,2024-01-06,12,50", "expected 3 fields")]
    [InlineData("B,2024-01-06,\"12,50\"", "amount '12,50' is not a number with '.' as decimal separator")]
    [InlineData("B,2024-01-06,-3.00", "amount '-3.00' is negative")]
    [InlineData("B,06/01/2024,3.00", "date '06/01/2024' is neither a date yyyy-MM-dd nor an ISO-8601 instant")]
    [InlineData("B,2024-02-30,3.00", "date '2024-02-30' is neither")]
    [InlineData("B,2024-01-06T10:00:00,3.00", "date '2024-01-06T10:00:00' is neither")]
    [InlineData(",2024-01-06,3.00", "customer_id is empty")]
    [InlineData("B,2024-01-06,", "amount '' is not a number")]
    [InlineData("\"B,2024-01-06,3.00", "not valid CSV")]
    public async Task A_malformed_third_line_stops_the_run_naming_line_3_and_the_reason(string row, string reason)
    {
        var file = Write("customer_id,date,amount", "A,2024-01-05,10.00", row, "C,2024-01-07,1.00");

        var run = await SampleProcess.RunAsync(["--transactions", file, "--format", "json"]);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("bad.csv, line 3: ").And.Contain(reason);
        run.Output.Should().BeEmpty();
    }

    [Fact]
    public async Task A_wrong_header_stops_the_run_at_line_1()
    {
        var file = Write("customer,day,amount", "A,2024-01-05,10.00");

        var run = await SampleProcess.RunAsync(["--transactions", file, "--format", "json"]);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("bad.csv, line 1: the header must be 'customer_id,date,amount', found 'customer,day,amount'");
    }

    [Fact]
    public async Task A_malformed_row_after_the_as_of_date_still_stops_the_run()
    {
        var file = Write("customer_id,date,amount", "A,2024-01-05,10.00", "A,2024-01-06,10.00", "A,2024-01-07,1.00", "B,2030-01-01,x");

        var run = await SampleProcess.RunAsync(["--transactions", file, "--as-of", "2024-01-31", "--format", "json"]);

        run.ExitCode.Should().Be(2, "a report over a file with a broken row would be silently wrong about the rows read");
        run.Error.Should().Contain("bad.csv, line 5: amount 'x'");
        run.Output.Should().BeEmpty();
    }

    private string Write(params string[] lines)
    {
        var path = Path.Combine(_folder.FullName, "bad.csv");
        File.WriteAllLines(path, lines);
        return path;
    }
}
