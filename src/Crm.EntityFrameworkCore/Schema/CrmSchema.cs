using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Crm.EntityFrameworkCore;

/// <summary>Creates the CrmCore tables: an idempotent SQL script generated from the model, for the context's database provider.</summary>
/// <remarks>
/// <para>The script holds only the <c>crm_*</c> tables and their indexes (a host's own tables are left to the host's
/// migrations), each as <c>CREATE … IF NOT EXISTS</c>, so applying it again changes nothing. SQLite and PostgreSQL
/// support it; the package's tests check that the reviewed scripts in <c>schema/</c> match the model.</para>
/// <para>A host that manages its schema with EF Core migrations can instead let <c>dotnet ef migrations add</c> pick up
/// the tables that <see cref="CrmModelBuilderExtensions.ApplyCrmContacts"/> adds to its model.</para>
/// </remarks>
public static class CrmSchema
{
    /// <summary>The SQL that creates every missing CrmCore table and index of <paramref name="context"/>'s model, statements separated by blank lines.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="context"/> is null.</exception>
    public static string GenerateScript(DbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var model = context.GetService<IDesignTimeModel>().Model;
        var operations = context.GetService<IMigrationsModelDiffer>()
            .GetDifferences(null, model.GetRelationalModel())
            .Where(IsCrm)
            .ToList();
        var commands = context.GetService<IMigrationsSqlGenerator>().Generate(operations, model);
        var script = new StringBuilder();
        foreach (var command in commands)
        {
            script.Append(MakeIdempotent(command.CommandText.Trim())).Append("\n\n");
        }

        return script.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    /// <summary>Applies <see cref="GenerateScript"/> to the context's database in one transaction (or in the one open on the context).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="context"/> is null.</exception>
    public static async Task EnsureCreatedAsync(DbContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var statements = GenerateScript(context).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var own = context.Database.CurrentTransaction is null
            ? await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false)
            : null;
        try
        {
            foreach (var statement in statements)
            {
#pragma warning disable EF1002 // The statements come from the model's own SQL generator, never from input.
                await context.Database.ExecuteSqlRawAsync(statement, cancellationToken).ConfigureAwait(false);
#pragma warning restore EF1002
            }

            if (own is not null)
            {
                await own.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static bool IsCrm(MigrationOperation operation) => operation switch
    {
        CreateTableOperation table => table.Name.StartsWith("crm_", StringComparison.Ordinal),
        CreateIndexOperation index => index.Table.StartsWith("crm_", StringComparison.Ordinal),
        AddForeignKeyOperation key => key.Table.StartsWith("crm_", StringComparison.Ordinal),
        _ => false,
    };

    private static string MakeIdempotent(string statement)
    {
        foreach (var (plain, idempotent) in new[]
        {
            ("CREATE TABLE ", "CREATE TABLE IF NOT EXISTS "),
            ("CREATE UNIQUE INDEX ", "CREATE UNIQUE INDEX IF NOT EXISTS "),
            ("CREATE INDEX ", "CREATE INDEX IF NOT EXISTS "),
        })
        {
            if (statement.StartsWith(plain, StringComparison.Ordinal) && !statement.StartsWith(idempotent, StringComparison.Ordinal))
            {
                return idempotent + statement[plain.Length..];
            }
        }

        return statement;
    }
}
