using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace Crm.EntityFrameworkCore.Storage;

/// <summary>Recognises the database errors that mean "another writer got there first", whatever the provider.</summary>
/// <remarks>
/// The package needs no provider package of EF Core, so it reads the provider's error through <see cref="DbException"/>:
/// the SQLSTATE class 23 (integrity constraint), 40001 (serialization failure) and 40P01 (deadlock) on PostgreSQL and
/// other SQLSTATE databases, and SQLite's result code 19 (SQLITE_CONSTRAINT).
/// </remarks>
internal static partial class DatabaseErrors
{
    private static readonly Dictionary<Type, PropertyInfo?> SqliteCodeProperties = [];

    public static bool IsConflict(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is DbUpdateConcurrencyException)
            {
                return true;
            }

            if (current is DbException db && IsConflict(db))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The table whose constraint refused a write, when the provider says: PostgreSQL's <c>TableName</c>, or SQLite's "constraint failed: table.column" message.</summary>
    public static string? ConstraintTable(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is Npgsql.PostgresException { TableName: { } table })
            {
                return table;
            }

            if (current is DbException db && SqliteConstraint().Match(db.Message) is { Success: true } match)
            {
                return match.Groups[1].Value;
            }
        }

        return null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"constraint failed: (\w+)\.", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex SqliteConstraint();

    private static bool IsConflict(DbException db)
    {
        if (db.SqlState is { Length: 5 } state)
        {
            return state.StartsWith("23", StringComparison.Ordinal) || state is "40001" or "40P01";
        }

        PropertyInfo? property;
        lock (SqliteCodeProperties)
        {
            var type = db.GetType();
            if (!SqliteCodeProperties.TryGetValue(type, out property))
            {
                property = type.GetProperty("SqliteErrorCode", BindingFlags.Public | BindingFlags.Instance);
                SqliteCodeProperties[type] = property;
            }
        }

        return property?.GetValue(db) is 19;
    }
}
