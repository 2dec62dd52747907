// CrmCore retention report: the README's first command.
//   dotnet run --project samples/Crm.Samples.RetentionReport                         a generated customer base, kept in SQLite
//   dotnet run --project samples/Crm.Samples.RetentionReport -- --transactions my.csv --format json
// Standard output carries only the report; progress, errors (and the help after a bad option) go to standard error.
using System.CommandLine;
using Crm.Samples.RetentionReport;
using Crm.Samples.RetentionReport.Cli;
using Spectre.Console;

var output = NewConsole(System.Console.Out, System.Console.IsOutputRedirected);
var progress = NewConsole(System.Console.Error, System.Console.IsErrorRedirected);
var parsed = ReportCommand.Create((options, cancellationToken) => new ReportRunner(options, output, progress).RunAsync(cancellationToken)).Parse(args);
return await parsed.InvokeAsync(parsed.Errors.Count == 0 ? null : new InvocationConfiguration { Output = System.Console.Error });

// A file or a pipe has no width: give it one wide enough for the cohort matrix and for an error message on one line.
static IAnsiConsole NewConsole(TextWriter writer, bool redirected)
{
    var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer) });
    if (redirected)
    {
        console.Profile.Width = 160;
    }

    return console;
}
