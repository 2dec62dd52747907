using System.Collections.Concurrent;
using System.Data.Common;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Crm.EntityFrameworkCore.Storage;

/// <summary>
/// Writes rows of one mapped entity type without the change tracker: PostgreSQL's binary <c>COPY</c>
/// (<see cref="NpgsqlBinaryImporter"/>) on Npgsql, otherwise one prepared <c>INSERT</c> re-executed with new parameter
/// values (the bulk insert Microsoft.Data.Sqlite documents), in the context's open transaction.
/// </summary>
/// <remarks>Tables, columns and value conversions come from the context's model, as for EF's own inserts; store-generated
/// columns (identities) are left to the database.</remarks>
internal static class BulkRowWriter
{
    private static readonly ConcurrentDictionary<PropertyInfo, Func<object, object?>> Getters = new();

    /// <summary>Writes <paramref name="rows"/> (all of <paramref name="rowType"/>) into its table.</summary>
    public static async Task WriteAsync(DbContext db, Type rowType, IReadOnlyCollection<object> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var table = Table.For(db, rowType);
        var connection = db.Database.GetDbConnection();
        if (connection is NpgsqlConnection npgsql)
        {
            await CopyAsync(npgsql, table, rows, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await InsertAsync(connection, db.Database.CurrentTransaction?.GetDbTransaction(), table, rows, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task CopyAsync(NpgsqlConnection connection, Table table, IEnumerable<object> rows, CancellationToken cancellationToken)
    {
        var importer = await connection.BeginBinaryImportAsync(
            $"COPY {table.Name} ({string.Join(", ", table.Columns.Select(c => c.Name))}) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
        await using (importer.ConfigureAwait(false))
        {
            foreach (var row in rows)
            {
                await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                foreach (var column in table.Columns)
                {
                    var value = column.ProviderValue(row);
                    if (value is null)
                    {
                        await importer.WriteNullAsync(cancellationToken).ConfigureAwait(false);
                    }
                    else if (column.NpgsqlType is { } type)
                    {
                        await importer.WriteAsync(value, type, cancellationToken).ConfigureAwait(false);
                    }
                    else
                    {
                        await importer.WriteAsync(value, cancellationToken).ConfigureAwait(false);
                    }
                }
            }

            await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task InsertAsync(DbConnection connection, DbTransaction? transaction, Table table, IEnumerable<object> rows, CancellationToken cancellationToken)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.Transaction = transaction;
            command.CommandText = $"INSERT INTO {table.Name} ({string.Join(", ", table.Columns.Select(c => c.Name))}) VALUES ({string.Join(", ", table.Columns.Select((_, i) => $"@p{i}"))})";
            var parameters = new DbParameter[table.Columns.Count];
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i] = table.Columns[i].Mapping.CreateParameter(command, $"@p{i}", null, nullable: true);
                command.Parameters.Add(parameters[i]);
            }

            await command.PrepareAsync(cancellationToken).ConfigureAwait(false);
            foreach (var row in rows)
            {
                for (var i = 0; i < parameters.Length; i++)
                {
                    parameters[i].Value = table.Columns[i].ProviderValue(row) ?? DBNull.Value;
                }

                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The quoted table name and the columns EF would insert, with their type mappings.</summary>
    private sealed class Table
    {
        private Table(string name, IReadOnlyList<Column> columns)
        {
            Name = name;
            Columns = columns;
        }

        public string Name { get; }

        public IReadOnlyList<Column> Columns { get; }

        public static Table For(DbContext db, Type rowType)
        {
            var entityType = db.Model.FindEntityType(rowType)
                ?? throw new InvalidOperationException($"The context's model has no entity type {rowType.Name}; apply the CRM model (ApplyCrmContacts).");
            var sql = db.GetService<ISqlGenerationHelper>();
            var tableName = entityType.GetTableName()!;
            var store = StoreObjectIdentifier.Table(tableName, entityType.GetSchema());
            var columns = new List<Column>();
            foreach (var property in entityType.GetProperties())
            {
                if (property.ValueGenerated != ValueGenerated.Never)
                {
                    continue; // identities: the database numbers the rows in the order written.
                }

                var info = property.PropertyInfo
                    ?? throw new InvalidOperationException($"{rowType.Name}.{property.Name} is a shadow property; the bulk path writes mapped CLR properties only.");
                var mapping = property.GetRelationalTypeMapping();
                columns.Add(new Column(sql.DelimitIdentifier(property.GetColumnName(store)!), mapping, Getters.GetOrAdd(info, Compile)));
            }

            return new Table(sql.DelimitIdentifier(tableName, entityType.GetSchema()), columns);
        }

        private static Func<object, object?> Compile(PropertyInfo property)
        {
            var row = Expression.Parameter(typeof(object), "row");
            var read = Expression.Property(Expression.Convert(row, property.DeclaringType!), property);
            return Expression.Lambda<Func<object, object?>>(Expression.Convert(read, typeof(object)), row).Compile();
        }
    }

    /// <summary>One column: its quoted name, EF's type mapping (with the model's value converter) and the row's getter.</summary>
    private sealed class Column(string name, RelationalTypeMapping mapping, Func<object, object?> getter)
    {
        public string Name { get; } = name;

        public RelationalTypeMapping Mapping { get; } = mapping;

        /// <summary>The PostgreSQL type of the provider value (text for every string column: varchar shares its binary format), or <see langword="null"/> to let Npgsql infer it.</summary>
        public NpgsqlDbType? NpgsqlType { get; } = TypeOf(Nullable.GetUnderlyingType(mapping.Converter?.ProviderClrType ?? mapping.ClrType) ?? mapping.Converter?.ProviderClrType ?? mapping.ClrType);

        public object? ProviderValue(object row)
        {
            var value = getter(row);
            return value is null ? null : Mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value;
        }

        private static NpgsqlDbType? TypeOf(Type type) => type switch
        {
            _ when type == typeof(string) => NpgsqlDbType.Text,
            _ when type == typeof(Guid) => NpgsqlDbType.Uuid,
            _ when type == typeof(long) => NpgsqlDbType.Bigint,
            _ when type == typeof(int) => NpgsqlDbType.Integer,
            _ when type == typeof(short) => NpgsqlDbType.Smallint,
            _ when type == typeof(bool) => NpgsqlDbType.Boolean,
            _ when type == typeof(decimal) => NpgsqlDbType.Numeric,
            _ when type == typeof(double) => NpgsqlDbType.Double,
            _ when type == typeof(DateOnly) => NpgsqlDbType.Date,
            _ => null,
        };
    }
}
