using Crm.EntityFrameworkCore.Loyalty;
using Crm.EntityFrameworkCore.Tests.TestSupport;
using Crm.Testing.Loyalty;
using Microsoft.EntityFrameworkCore;

namespace Crm.EntityFrameworkCore.Tests.Specifications;

/// <summary>The referral-reward specification on PostgreSQL (a schema per test on the server named by CRM_TEST_POSTGRES).</summary>
public sealed class PostgresLoyaltyReferralSpecificationTests : LoyaltyReferralSpecification<EfLoyaltyStore<CrmDbContext>>, IDisposable, IPostgresTests
{
    private readonly TestDatabases _databases = new(Provider.Postgres);

    public void Dispose() => _databases.Dispose();

    protected override EfLoyaltyStore<CrmDbContext> CreateStore() => _databases.CreateLoyaltyStore();
}

/// <summary>The member-merge specification on PostgreSQL (a schema per test on the server named by CRM_TEST_POSTGRES).</summary>
public sealed class PostgresLoyaltyMergeSpecificationTests : LoyaltyMergeSpecification<EfLoyaltyStore<CrmDbContext>>, IDisposable, IPostgresTests
{
    private readonly TestDatabases _databases = new(Provider.Postgres);

    public void Dispose() => _databases.Dispose();

    protected override EfLoyaltyStore<CrmDbContext> CreateStore() => _databases.CreateLoyaltyStore();
}
