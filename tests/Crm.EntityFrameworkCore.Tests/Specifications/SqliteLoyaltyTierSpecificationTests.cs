using Crm.EntityFrameworkCore.Tests.TestSupport;
using Crm.Loyalty.Storage;
using Crm.Testing.Loyalty;

namespace Crm.EntityFrameworkCore.Tests.Specifications;

/// <summary>The stored-tier specification (upgrades with the earning, idempotent reviews, history, members by tier, racing accruals) on SQLite (a WAL file database per test).</summary>
public sealed class SqliteLoyaltyTierSpecificationTests : LoyaltyTierSpecification, IDisposable
{
    private readonly TestDatabases _databases = new(Provider.Sqlite);

    public void Dispose() => _databases.Dispose();

    protected override ILoyaltyStore CreateStore() => _databases.CreateLoyaltyStore();
}

/// <summary>The member-ranking specification (points earned, money spent, profit, pages, top share) on SQLite (a WAL file database per test).</summary>
public sealed class SqliteLoyaltyRankingSpecificationTests : LoyaltyRankingSpecification, IDisposable
{
    private readonly TestDatabases _databases = new(Provider.Sqlite);

    public void Dispose() => _databases.Dispose();

    protected override ILoyaltyStore CreateStore() => _databases.CreateLoyaltyStore();
}
