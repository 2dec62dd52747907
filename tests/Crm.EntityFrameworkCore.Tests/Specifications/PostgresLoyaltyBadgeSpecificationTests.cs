using Crm.EntityFrameworkCore.Tests.TestSupport;
using Crm.Loyalty.Storage;
using Crm.Testing.Loyalty;

namespace Crm.EntityFrameworkCore.Tests.Specifications;

/// <summary>The badge specification (awarded once with points and event, ledger-derived rules, racing evaluations, unique keys) on PostgreSQL (a schema per test on the server named by CRM_TEST_POSTGRES).</summary>
public sealed class PostgresLoyaltyBadgeSpecificationTests : LoyaltyBadgeSpecification, IDisposable, IPostgresTests
{
    private readonly TestDatabases _databases = new(Provider.Postgres);

    public void Dispose() => _databases.Dispose();

    protected override ILoyaltyStore CreateStore() => _databases.CreateLoyaltyStore();
}
