// CrmCore retention report: the README's first command.
//   dotnet run --project samples/Crm.Samples.RetentionReport                         a generated customer base, kept in SQLite
//   dotnet run --project samples/Crm.Samples.RetentionReport -- --transactions my.csv --format json
// Progress and errors go to standard error; standard output carries only the report.
using Crm.Samples.RetentionReport;
using Crm.Samples.RetentionReport.Cli;
using Spectre.Console;

var output = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
if (Console.IsOutputRedirected)
{
    output.Profile.Width = 160;                       // a file or a pipe has no width: keep the cohort matrix on one line per row
}

var progress = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
var command = ReportCommand.Create((options, cancellationToken) => new ReportRunner(options, output, progress).RunAsync(cancellationToken));
return await command.Parse(args).InvokeAsync();
