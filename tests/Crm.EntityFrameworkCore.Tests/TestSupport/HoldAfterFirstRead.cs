using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Crm.EntityFrameworkCore.Tests.TestSupport;

/// <summary>Holds the first query that reads <paramref name="table"/> right after it executed (its snapshot taken, its transaction open) until <see cref="Release"/> is set: makes an interleaving with a parallel writer deterministic.</summary>
public sealed class HoldAfterFirstRead(string table) : DbCommandInterceptor
{
    /// <summary>Set when the held query has executed.</summary>
    public TaskCompletionSource Read { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Set it to let the held query go on.</summary>
    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override async ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        if (command.CommandText.Contains(table, StringComparison.Ordinal) && Read.TrySetResult())
        {
            await Release.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
        }

        return result;
    }
}
