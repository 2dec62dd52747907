using Crm.EntityFrameworkCore.Tests.TestSupport;
using Crm.Loyalty.Storage;
using Crm.Testing.Loyalty;

namespace Crm.EntityFrameworkCore.Tests.Specifications;

/// <summary>The stored-tier specification (upgrades with the earning, idempotent reviews, history, members by tier, racing accruals) on PostgreSQL (a schema per test on the server named by CRM_TEST_POSTGRES).</summary>
public sealed class PostgresLoyaltyTierSpecificationTests : LoyaltyTierSpecification, IDisposable, IPostgresTests
{
    private readonly TestDatabases _databases = new(Provider.Postgres);

    public void Dispose() => _databases.Dispose();

    protected override ILoyaltyStore CreateStore() => _databases.CreateLoyaltyStore();
}

/// <summary>The member-ranking specification (points earned, money spent, profit, pages, top share) on PostgreSQL (a schema per test on the server named by CRM_TEST_POSTGRES).</summary>
public sealed class PostgresLoyaltyRankingSpecificationTests : LoyaltyRankingSpecification, IDisposable, IPostgresTests
{
    private readonly TestDatabases _databases = new(Provider.Postgres);

    public void Dispose() => _databases.Dispose();

    protected override ILoyaltyStore CreateStore() => _databases.CreateLoyaltyStore();
}
