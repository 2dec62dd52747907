namespace Crm.EntityFrameworkCore.Tests.TestSupport;

/// <summary>The PostgreSQL server the tests use, named by the <c>CRM_TEST_POSTGRES</c> connection string (see postgres.sh).</summary>
internal static class PostgresServer
{
    public const string Variable = "CRM_TEST_POSTGRES";

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    private static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why the PostgreSQL tests are skipped, or <see langword="null"/> when they run (a server is named, or this is CI, where a missing server fails them).</summary>
    public static string? SkipReason => ConnectionString is null && !InCi
        ? $"PostgreSQL tests skipped: {Variable} is not set. Start a throwaway server with `export {Variable}=\"$(bash tests/Crm.EntityFrameworkCore.Tests/postgres.sh start)\"` (CI always runs them)."
        : null;

    /// <exception cref="InvalidOperationException">No server is named (in CI, where the tests must not skip).</exception>
    public static string Require() => ConnectionString
        ?? throw new InvalidOperationException($"{Variable} is not set, and in CI (CI=true) the PostgreSQL tests must run: .ci/run starts the server with tests/Crm.EntityFrameworkCore.Tests/postgres.sh.");
}

/// <summary>Marks a test class that needs PostgreSQL: its tests are reported as skipped, with the reason, when no server is named outside CI.</summary>
internal interface IPostgresTests;
