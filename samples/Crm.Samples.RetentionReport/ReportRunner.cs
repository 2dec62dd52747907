using Crm;
using Crm.Metrics;
using Crm.Samples.RetentionReport.Analysis;
using Crm.Samples.RetentionReport.Cli;
using Crm.Samples.RetentionReport.Generation;
using Crm.Samples.RetentionReport.Input;
using Crm.Samples.RetentionReport.Output;
using Crm.Samples.RetentionReport.Relationship;
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

    /// <summary>Exit code when the options make no report (as for an option System.CommandLine rejects).</summary>
    public const int BadOptions = 1;

    /// <summary>Exit code when the transaction file cannot be read as it is.</summary>
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
            var document = await new ProgressLog(progressConsole).RunAsync(steps => options.Transactions is { } file
                ? FromFileAsync(steps, file, cancellationToken)
                : GeneratedAsync(steps, cancellationToken));
            Print(document);
            return Success;
        }
        catch (TransactionFileException ex)
        {
            progressConsole.MarkupLineInterpolated($"[red]error:[/] {ex.Message}");
            return BadInput;
        }
        catch (ReportOptionException ex)
        {
            progressConsole.MarkupLineInterpolated($"[red]error:[/] {ex.Message}");
            return BadOptions;
        }
    }

    private Task<ReportDocument> FromFileAsync(ProgressLog steps, string file, CancellationToken cancellationToken)
    {
        if (!File.Exists(file))
        {
            throw new ReportOptionException($"--transactions: the file '{file}' does not exist.");
        }

        var csv = new TransactionCsv(file, options.Zone);
        var asOf = options.AsOf;
        if (asOf is null)
        {
            using var scan = steps.Begin($"Finding the last purchase date in {Path.GetFileName(file)}");
            asOf = csv.LastDate() ?? throw new ReportOptionException($"--as-of is needed: {Path.GetFileName(file)} has no purchase rows to take the end of observation from.");
        }

        var settings = Settings(asOf.Value);
        ReportFigures figures;
        using (var read = steps.Begin($"Reading {Path.GetFileName(file)} and computing the report"))
        {
            figures = ReportCalculator.Calculate(csv.Read(read), settings, cancellationToken);
        }

        var document = new ReportDocument(Path.GetFileName(file), figures, Referrals: null, Names: null);
        WriteHtml(steps, document);
        return Task.FromResult(document);
    }

    private async Task<ReportDocument> GeneratedAsync(ProgressLog steps, CancellationToken cancellationToken)
    {
        CustomerBase customerBase;
        using (steps.Begin($"Generating {DemoCustomers:N0} customers (BG/NBD purchases, Gamma-Gamma spend, referral chains)"))
        {
            customerBase = CustomerBaseGenerator.Default.Generate(DemoCustomers, DemoFirstDay, DemoAsOf);
        }

        var database = Path.GetFullPath(Path.Combine(ReportOptions.OutputFolder, "crm.db"));
        Directory.CreateDirectory(Path.GetDirectoryName(database)!);
        await using var crm = await CustomerBaseStore.CreateAsync(database, cancellationToken);
        IReadOnlyList<ContactId> ids;
        using (var store = steps.Begin($"Storing {customerBase.Customers.Count:N0} contacts and {customerBase.Referrals:N0} referrals in SQLite"))
        {
            ids = await crm.StoreAsync(customerBase.Customers, store, cancellationToken);
        }

        ReferralFigures referrals;
        using (steps.Begin("Asking the referral store for the top referrers and the golden chain"))
        {
            referrals = await crm.ReferralsAsync(ReportDocument.TopRows, cancellationToken);
        }

        var relationship = await RelationshipAsync(steps, database, customerBase, ids, cancellationToken);
        var keys = ids.Select(id => id.ToString()).ToArray();
        var purchases = customerBase.Purchases.Select(p => new Purchase<string>(keys[p.Customer], p.At, p.Amount));
        ReportFigures figures;
        using (steps.Begin($"Computing the report over {customerBase.Purchases.Count:N0} purchases"))
        {
            figures = ReportCalculator.Calculate(purchases, Settings(options.AsOf ?? DemoAsOf), cancellationToken);
        }

        var names = customerBase.Customers.Select((c, i) => (Key: keys[i], Label: $"{c.Name} (#{i + 1})")).ToDictionary(x => x.Key, x => x.Label, StringComparer.Ordinal);
        var document = new ReportDocument($"generated base of {DemoCustomers:N0} customers, kept in {database}", figures, referrals, names, relationship);
        WriteHtml(steps, document);
        return document;
    }

    // Records the base's purchases, calls, e-mails, cases and NPS answers through Crm.Interactions and runs the loyalty
    // club through Crm.Loyalty, on the same SQLite file; then reads the facts back and computes the figures from them.
    private async Task<RelationshipFigures> RelationshipAsync(ProgressLog steps, string database, CustomerBase customerBase, IReadOnlyList<ContactId> ids, CancellationToken cancellationToken)
    {
        CustomerActivity activity;
        using (steps.Begin("Generating calls, e-mails, support cases, NPS answers and refunds"))
        {
            activity = ActivityGenerator.Default.Generate(customerBase);
        }

        var start = customerBase.FirstDay.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant();
        var end = customerBase.AsOf.PlusDays(1).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant();
        await using var crm = RelationshipStore.Open(database, CustomerBaseStore.Tenant, start);
        IReadOnlyList<Crm.Interactions.Purchases.PurchaseId> purchaseIds;
        using (var step = steps.Begin($"Recording {customerBase.Purchases.Count:N0} purchases and {activity.Touches.Count:N0} calls and e-mails on the timelines (change sets of 1,000)"))
        {
            purchaseIds = await crm.RecordPurchasesAsync(customerBase.Purchases, ids, step, cancellationToken);
            await crm.RecordTouchesAsync(activity.Touches, ids, step, cancellationToken);
        }

        using (var step = steps.Begin($"Replaying {activity.Cases.Count:N0} support cases, {activity.Feedback.Count:N0} NPS answers, {activity.Refunds.Count:N0} refunds and the loyalty club through the managers"))
        {
            await crm.ReplayAsync(customerBase, activity, ids, purchaseIds, step, cancellationToken);
        }

        using (steps.Begin("Running the club's expiry and reading back cases, NPS answers, tiers and statements"))
        {
            return await crm.ReadFiguresAsync(end, options.Zone, cancellationToken);
        }
    }

    private ReportSettings Settings(LocalDate asOf)
    {
        var calibrationEnd = options.CalibrationEnd ?? asOf;
        if (calibrationEnd > asOf)
        {
            throw new ReportOptionException($"--calibration-end ({calibrationEnd:uuuu-MM-dd}) must be on or before the end of observation, --as-of ({asOf:uuuu-MM-dd}{(options.AsOf is null ? ", the last purchase date" : string.Empty)}).");
        }

        return new ReportSettings(options.Zone, calibrationEnd, asOf, options.TimeUnit);
    }

    private void WriteHtml(ProgressLog steps, ReportDocument document)
    {
        if (options.HtmlPath is not { } path)
        {
            return;
        }

        using (steps.Begin("Drawing the charts and writing the HTML report"))
        {
            HtmlReport.Write(path, document);
        }
    }

    private void Print(ReportDocument document)
    {
        if (options.Format == ReportFormat.Json)
        {
            using var stdout = Console.OpenStandardOutput();
            JsonReport.Write(stdout, document.Figures, document.Relationship);
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
