using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Crm.EntityFrameworkCore.Tests.TestSupport;

/// <summary>Injects a fault right after a command that writes to <c>crm_outbox</c> executed: the change set's facts are written in the transaction, its events too, and then the save fails.</summary>
public sealed class FaultInjector : DbCommandInterceptor
{
    private volatile Action<DbCommand>? _fault;

    /// <summary>The next outbox write (only that one) runs <paramref name="fault"/> after it executed.</summary>
    public void ArmOnce(Action<DbCommand> fault) => _fault = fault;

    public bool Fired { get; private set; }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Fire(command);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Fire(command);
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Fire(command);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Fire(command);
        return ValueTask.FromResult(result);
    }

    private void Fire(DbCommand command)
    {
        if (!command.CommandText.Contains("INSERT INTO", StringComparison.OrdinalIgnoreCase)
            || !command.CommandText.Contains("crm_outbox", StringComparison.Ordinal))
        {
            return;
        }

        if (Interlocked.Exchange(ref _fault, null) is { } fault)
        {
            Fired = true;
            fault(command);
        }
    }
}
