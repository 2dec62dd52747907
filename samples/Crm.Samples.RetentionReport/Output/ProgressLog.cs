using Spectre.Console;

namespace Crm.Samples.RetentionReport.Output;

/// <summary>
/// Shows the long steps on standard error: live progress bars on a terminal, one line per step when standard error is
/// a file or a pipe (so logs and tests see every step).
/// </summary>
/// <param name="console">The standard-error console.</param>
internal sealed class ProgressLog(IAnsiConsole console)
{
    private ProgressContext? _context;

    /// <summary>Runs <paramref name="body"/>, showing the steps it begins.</summary>
    public Task<T> RunAsync<T>(Func<ProgressLog, Task<T>> body)
    {
        if (!console.Profile.Capabilities.Interactive)
        {
            return body(this);
        }

        return console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(context =>
            {
                _context = context;
                return body(this);
            });
    }

    /// <summary>Begins a step; report its share done (0–1) through the result, and dispose it when the step is over.</summary>
    public Step Begin(string description)
    {
        if (_context is null)
        {
            console.WriteLine(description + " …");
        }

        return new(_context?.AddTask(Markup.Escape(description)));
    }

    /// <summary>One step: a progress bar on a terminal, the line written when it began otherwise.</summary>
    internal sealed class Step(ProgressTask? task) : IProgress<double>, IDisposable
    {
        /// <summary>Sets the share done, 0–1.</summary>
        public void Report(double value)
        {
            if (task is not null)
            {
                task.Value = Math.Clamp(value, 0, 1) * task.MaxValue;
            }
        }

        /// <summary>Ends the step.</summary>
        public void Dispose()
        {
            if (task is not null)
            {
                task.Value = task.MaxValue;
                task.StopTask();
            }
        }
    }
}
