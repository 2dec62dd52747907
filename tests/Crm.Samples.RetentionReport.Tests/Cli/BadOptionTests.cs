using Crm.Samples.RetentionReport.Tests.Support;

namespace Crm.Samples.RetentionReport.Tests.Cli;

/// <summary>A bad option names itself and the accepted values, exits with 1 and writes nothing on standard output.</summary>
public sealed class BadOptionTests
{
    private static readonly string Csv = SampleProcess.Data("transactions.csv");

    [Theory]
    [InlineData("--time-unit", "month", "--time-unit: 'month' is not accepted; use day or week.")]
    [InlineData("--format", "xml", "--format: 'xml' is not accepted; use text or json.")]
    [InlineData("--time-zone", "Mars/Olympus", "--time-zone: 'Mars/Olympus' is not an IANA time zone id; use one such as UTC")]
    [InlineData("--as-of", "2024-13-01", "--as-of: '2024-13-01' is not a date; use yyyy-MM-dd")]
    [InlineData("--calibration-end", "31.03.2024", "--calibration-end: '31.03.2024' is not a date; use yyyy-MM-dd")]
    public async Task A_bad_value_names_the_option_and_the_accepted_values(string option, string value, string message)
    {
        var run = await SampleProcess.RunAsync(["--transactions", Csv, option, value]);

        run.ExitCode.Should().Be(1);
        run.Error.Should().Contain(message);
        run.Output.Should().BeEmpty("the help that follows an error goes to standard error");
    }

    [Fact]
    public async Task An_unknown_option_is_named()
    {
        var run = await SampleProcess.RunAsync(["--transactions", Csv, "--as-at", "2024-03-31"]);

        run.ExitCode.Should().Be(1);
        run.Error.Should().Contain("'--as-at'");
        run.Output.Should().BeEmpty();
    }

    [Fact]
    public async Task A_calibration_end_after_the_as_of_date_names_both_options()
    {
        var run = await SampleProcess.RunAsync(["--transactions", Csv, "--as-of", "2024-03-31", "--calibration-end", "2024-04-01", "--format", "json"]);

        run.ExitCode.Should().Be(1);
        run.Error.Should().Contain("--calibration-end (2024-04-01) must be on or before the end of observation, --as-of (2024-03-31)");
        run.Output.Should().BeEmpty();
    }

    [Fact]
    public async Task A_calibration_end_after_the_last_purchase_names_the_default_it_broke()
    {
        var run = await SampleProcess.RunAsync(["--transactions", Csv, "--calibration-end", "2024-05-01", "--format", "json"]);

        run.ExitCode.Should().Be(1);
        run.Error.Should().Contain("--as-of (2024-04-02, the last purchase date)");
    }

    [Fact]
    public async Task A_missing_file_is_named()
    {
        var run = await SampleProcess.RunAsync(["--transactions", "no-such-file.csv", "--format", "json"]);

        run.ExitCode.Should().Be(1);
        run.Error.Should().Contain("--transactions: the file").And.Contain("no-such-file.csv' does not exist");
        run.Output.Should().BeEmpty();
    }
}
