using Crm.Metrics;
using Crm.Samples.RetentionReport.Analysis;
using Crm.Samples.RetentionReport.Cli;
using Crm.Samples.RetentionReport.Generation;
using Crm.Samples.RetentionReport.Input;
using Crm.Samples.RetentionReport.Output;
using Crm.Samples.RetentionReport.Storage;
using NodaTime;
using Spectre.Console;

namespace Crm.Samples.RetentionReport;

/// <summary>
/// Runs one report: reads the purchases (a CSV file, or a generated base kept in SQLite), computes the figures, prints
/// them on standard output and writes the HTML page. Progress and errors go to standard error only.
/// </summary>
/// <param name="options">The checked command line.</param>
/// <param name="output">Standard output: the report.</param>
/// <param name="progressConsole">Standard error: progress and errors.</param>
internal sealed class ReportRunner(ReportOptions options, IAnsiConsole output, IAnsiConsole progressConsole)
{
    /// <summary>Exit code of a report that ran.</summary>
    public const int Success = 0;

    /// <summary>Exit code when the transaction file or the dates cannot make a report (bad options exit with 1).</summary>
    public const int BadInput = 2;

    /// <summary>How many customers the generated base has: storing each through the EF Core store takes about 1.5 ms, so the whole run stays well under a minute on 2 cores.</summary>
    public const int DemoCustomers = 6_000;

    /// <summary>The generated base's acquisition starts on this day…</summary>
    public static readonly LocalDate DemoFirstDay = new(2024, 1, 1);

    /// <summary>…and is observed up to this one: two years.</summary>
    public static readonly LocalDate DemoAsOf = new(2025, 12, 31);

    /// <summary>Runs the report and returns the process exit code.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            var document = await progressConsole.Progress()
                .AutoClear(false)
                .HideCompleted(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(context => options.Transactions is { } file
                    ? FromFileAsync(context, file, cancellationToken)
                    : GeneratedAsync(context, cancellationToken));
            Print(document);
            return Success;
        }
        catch (TransactionFileException ex)
        {
            progressConsole.MarkupLineInterpolated($"[red]error:[/] {ex.Message}");
            return BadInput;
        }
        catch (InvalidReportPeriodException ex)
        {
            progressConsole.MarkupLineInterpolated($"[red]error:[/] {ex.Message}");
            return BadInput;
        }
    }

    private Task<ReportDocument> FromFileAsync(ProgressContext context, string file, CancellationToken cancellationToken)
    {
        var csv = new TransactionCsv(file, options.Zone);
        var asOf = options.AsOf;
        if (asOf is null)
        {
            var scan = context.AddTask("Finding the last purchase date");
            asOf = csv.LastDate() ?? throw new InvalidReportPeriodException($"{Path.GetFileName(file)} has no purchase rows: give --as-of to report on an empty file.");
            scan.Value = scan.MaxValue;
        }

        var settings = Settings(asOf.Value);
        var read = context.AddTask($"Reading {Path.GetFileName(file)} and computing the report");
        var figures = ReportCalculator.Calculate(csv.Read(new Progress<double>(share => read.Value = share * 100)), settings, cancellationToken);
        read.Value = read.MaxValue;
        var document = new ReportDocument(Path.GetFileName(file), figures, Referrals: null, Names: null);
        WriteHtml(context, document);
        return Task.FromResult(document);
    }

    private async Task<ReportDocument> GeneratedAsync(ProgressContext context, CancellationToken cancellationToken)
    {
        var generate = context.AddTask($"Generating {DemoCustomers:N0} customers (BG/NBD purchases, Gamma-Gamma spend)");
        var customerBase = CustomerBaseGenerator.Default.Generate(DemoCustomers, DemoFirstDay, DemoAsOf);
        generate.Value = generate.MaxValue;

        var database = Path.GetFullPath(Path.Combine(ReportOptions.OutputFolder, "crm.db"));
        Directory.CreateDirectory(Path.GetDirectoryName(database)!);
        var store = context.AddTask($"Storing {customerBase.Customers.Count:N0} contacts and {customerBase.Referrals:N0} referrals in SQLite");
        await using var crm = await CustomerBaseStore.CreateAsync(database, cancellationToken);
        var ids = await crm.StoreAsync(customerBase.Customers, new Progress<double>(share => store.Value = share * 100), cancellationToken);
        var referrals = await crm.ReferralsAsync(ReportDocument.TopRows, cancellationToken);
        store.Value = store.MaxValue;

        var compute = context.AddTask($"Computing the report over {customerBase.Purchases.Count:N0} purchases");
        var keys = ids.Select(id => id.ToString()).ToArray();
        var purchases = customerBase.Purchases.Select(p => new Purchase<string>(keys[p.Customer], p.At, p.Amount));
        var figures = ReportCalculator.Calculate(purchases, Settings(options.AsOf ?? DemoAsOf), cancellationToken);
        compute.Value = compute.MaxValue;

        var names = customerBase.Customers.Select((c, i) => (Key: keys[i], Label: $"{c.Name} (#{i + 1})")).ToDictionary(x => x.Key, x => x.Label, StringComparer.Ordinal);
        var document = new ReportDocument($"generated base of {DemoCustomers:N0} customers, kept in {database}", figures, referrals, names);
        WriteHtml(context, document);
        return document;
    }

    private ReportSettings Settings(LocalDate asOf)
    {
        var calibrationEnd = options.CalibrationEnd ?? asOf;
        if (calibrationEnd > asOf)
        {
            throw new InvalidReportPeriodException($"--calibration-end ({calibrationEnd:uuuu-MM-dd}) must be on or before the end of observation ({asOf:uuuu-MM-dd}).");
        }

        return new ReportSettings(options.Zone, calibrationEnd, asOf, options.TimeUnit);
    }

    private void WriteHtml(ProgressContext context, ReportDocument document)
    {
        if (options.HtmlPath is not { } path)
        {
            return;
        }

        var task = context.AddTask("Drawing the charts and writing the HTML report");
        HtmlReport.Write(path, document);
        task.Value = task.MaxValue;
    }

    private void Print(ReportDocument document)
    {
        if (options.Format == ReportFormat.Json)
        {
            using var stdout = Console.OpenStandardOutput();
            JsonReport.Write(stdout, document.Figures);
            if (options.HtmlPath is { } json)
            {
                progressConsole.MarkupLineInterpolated($"HTML report: [link]{Path.GetFullPath(json)}[/]");
            }

            return;
        }

        TextReport.Write(output, document);
        if (options.HtmlPath is { } html)
        {
            output.MarkupLineInterpolated($"\nHTML report: [link]{Path.GetFullPath(html)}[/]");
        }
    }
}
