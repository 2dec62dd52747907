using System.Text.Json;
using Crm.Metrics.Clv;
using Crm.Samples.RetentionReport.Tests.Support;

namespace Crm.Samples.RetentionReport.Tests.Output;

/// <summary>
/// The JSON contract of docs/report-json.md on Data/transactions.csv, with every value computed by hand below.
/// </summary>
/// <remarks>
/// <code>
/// Data/transactions.csv, run with --as-of 2024-04-30 --calibration-end 2024-03-31 (zone UTC, time unit week):
///   A 2024-01-05 10.00 | A 2024-01-05 5.50 | A 2024-02-10 20.00 | A 2024-03-15 30.00 | A 2024-04-02 50.00 (after calibration)
///   B 2024-01-20 40.00 | B 2024-03-01T10:00Z 10.00
///   C 2024-02-03 25.00 | D 2024-02-29T23:30Z 12.00 | E 2024-03-10 8.00
/// transactions = 10 rows (all rows read, the April one too)
/// customers    = 5 (A–E)
/// revenue      = 10 + 5.5 + 20 + 30 + 40 + 10 + 25 + 12 + 8 = 160.50 (A's 50.00 is after the calibration end)
/// purchase days: A 3 (Jan 5 counts once: 15.50), B 2, C 1, D 1, E 1  → repeatCustomerShare = 2/5 = 0.4
/// revenue by customer: A 65.50, B 50, C 25, D 12, E 8; top ⌈20 % × 5⌉ = 1 customer (A)
///                                                   → paretoTop20RevenueShare = 65.5 / 160.5
/// cohorts (month of first purchase, UTC), up to 2024-03:
///   2024-01: A, B (size 2); Feb: A only → 0.5; Mar: A and B → 1.0   → active [1, 0.5, 1]
///   2024-02: C, D (size 2); Mar: neither                             → active [1, 0]
///   2024-03: E (size 1)                                              → active [1]
/// BG/NBD inputs (x, t_x, T) in weeks to 2024-03-31:
///   A x=2, t_x = 70 d (Jan 5 → Mar 15), T = 86 d;  B x=1, t_x = 41 d, T = 71 d;
///   C x=0, T = 57 d;  D x=0, T = 31 d;  E x=0, T = 21 d
/// Gamma-Gamma inputs (x, mean repeat spend): A (2, (20 + 30) / 2 = 25), B (1, 10) → customers = 2
/// The fitted parameters are not computed by hand; the test checks instead that the reported log-likelihood is the
/// likelihood of these hand-computed inputs at the reported parameters, so the models saw exactly this data.
/// </code>
/// </remarks>
public sealed class JsonContractTests
{
    private static readonly PurchaseHistory[] Histories =
    [
        new(2, 70 / 7.0, 86 / 7.0),
        new(1, 41 / 7.0, 71 / 7.0),
        new(0, 0, 57 / 7.0),
        new(0, 0, 31 / 7.0),
        new(0, 0, 21 / 7.0),
    ];

    private static readonly SpendHistory[] Spends = [new(2, 25m), new(1, 10m)];

    private static Task<SampleRun> RunAsync(params string[] extra)
        => SampleProcess.RunAsync(["--transactions", SampleProcess.Data("transactions.csv"), "--as-of", "2024-04-30", "--calibration-end", "2024-03-31", "--format", "json", .. extra]);

    [Fact]
    public async Task The_report_has_exactly_the_contract_fields_in_order()
    {
        var run = await RunAsync();

        run.ExitCode.Should().Be(0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        json.RootElement.EnumerateObject().Select(p => p.Name).Should().Equal(
            "version", "customers", "transactions", "revenue", "repeatCustomerShare", "paretoTop20RevenueShare", "bgnbd", "gammaGamma", "cohorts", "nps", "service", "loyalty");
        json.RootElement.GetProperty("version").GetInt32().Should().Be(1);
        json.RootElement.GetProperty("bgnbd").EnumerateObject().Select(p => p.Name).Should().Equal("r", "alpha", "a", "b", "logLikelihood");
        json.RootElement.GetProperty("gammaGamma").EnumerateObject().Select(p => p.Name).Should().Equal("p", "q", "gamma", "logLikelihood", "customers");
    }

    [Fact]
    public async Task A_csv_file_has_no_nps_service_or_loyalty_figures_so_they_are_null()
    {
        var run = await RunAsync();

        run.ExitCode.Should().Be(0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        foreach (var field in new[] { "nps", "service", "loyalty" })
        {
            json.RootElement.GetProperty(field).ValueKind.Should().Be(JsonValueKind.Null, $"{field} comes from the CRM database, which a CSV file does not have");
        }
    }

    [Fact]
    public async Task Counts_revenue_and_shares_match_the_hand_computation()
    {
        var root = await RootAsync();

        root.GetProperty("customers").GetInt32().Should().Be(5);
        root.GetProperty("transactions").GetInt32().Should().Be(10);
        root.GetProperty("revenue").GetDecimal().Should().Be(160.50m);
        root.GetProperty("repeatCustomerShare").GetDouble().Should().BeApproximately(0.4, 1e-12);
        root.GetProperty("paretoTop20RevenueShare").GetDouble().Should().BeApproximately(65.5 / 160.5, 1e-12);
    }

    [Fact]
    public async Task Cohorts_run_to_the_month_of_the_calibration_end()
    {
        var cohorts = (await RootAsync()).GetProperty("cohorts").EnumerateArray()
            .Select(c => (c.GetProperty("cohort").GetString(), c.GetProperty("size").GetInt32(), c.GetProperty("active").EnumerateArray().Select(a => a.GetDouble()).ToArray()))
            .ToArray();

        cohorts.Should().HaveCount(3);
        cohorts[0].Should().BeEquivalentTo(("2024-01", 2, new[] { 1.0, 0.5, 1.0 }));
        cohorts[1].Should().BeEquivalentTo(("2024-02", 2, new[] { 1.0, 0.0 }));
        cohorts[2].Should().BeEquivalentTo(("2024-03", 1, new[] { 1.0 }));
    }

    [Fact]
    public async Task The_models_were_fitted_on_the_hand_computed_calibration_inputs()
    {
        var root = await RootAsync();
        var bg = root.GetProperty("bgnbd");
        var gg = root.GetProperty("gammaGamma");

        var bgModel = new BgNbdModel(bg.GetProperty("r").GetDouble(), bg.GetProperty("alpha").GetDouble(), bg.GetProperty("a").GetDouble(), bg.GetProperty("b").GetDouble());
        bg.GetProperty("logLikelihood").GetDouble().Should().BeApproximately(bgModel.LogLikelihood(Histories), 1e-6);
        var ggModel = new GammaGammaModel(gg.GetProperty("p").GetDouble(), gg.GetProperty("q").GetDouble(), gg.GetProperty("gamma").GetDouble());
        gg.GetProperty("logLikelihood").GetDouble().Should().BeApproximately(ggModel.LogLikelihood(Spends), 1e-6);
        gg.GetProperty("customers").GetInt32().Should().Be(2);
    }

    [Fact]
    public async Task Standard_output_carries_the_json_object_and_nothing_else()
    {
        var run = await RunAsync();

        run.ExitCode.Should().Be(0, run.Error);
        run.Output.Should().StartWith("{").And.EndWith("}\n");
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(run.Output), new JsonReaderOptions { AllowMultipleValues = true });
        JsonDocument.TryParseValue(ref reader, out var first).Should().BeTrue();
        first!.Dispose();
        reader.Read().Should().BeFalse("exactly one JSON value is on standard output");
        run.Error.Should().Contain("computing the report", "progress goes to standard error");
    }

    private static async Task<JsonElement> RootAsync()
    {
        var run = await RunAsync();
        run.ExitCode.Should().Be(0, run.Error);
        return JsonDocument.Parse(run.Output).RootElement.Clone();
    }
}
