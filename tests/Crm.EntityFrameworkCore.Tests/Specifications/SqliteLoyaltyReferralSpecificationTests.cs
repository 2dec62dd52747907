using Crm.EntityFrameworkCore.Loyalty;
using Crm.EntityFrameworkCore.Tests.TestSupport;
using Crm.Testing.Loyalty;
using Microsoft.EntityFrameworkCore;

namespace Crm.EntityFrameworkCore.Tests.Specifications;

/// <summary>The referral-reward specification on SQLite (a WAL file database per test).</summary>
public sealed class SqliteLoyaltyReferralSpecificationTests : LoyaltyReferralSpecification<EfLoyaltyStore<CrmDbContext>>, IDisposable
{
    private readonly TestDatabases _databases = new(Provider.Sqlite);

    public void Dispose() => _databases.Dispose();

    protected override EfLoyaltyStore<CrmDbContext> CreateStore() => _databases.CreateLoyaltyStore();
}

/// <summary>The member-merge specification on SQLite (a WAL file database per test).</summary>
public sealed class SqliteLoyaltyMergeSpecificationTests : LoyaltyMergeSpecification<EfLoyaltyStore<CrmDbContext>>, IDisposable
{
    private readonly TestDatabases _databases = new(Provider.Sqlite);

    public void Dispose() => _databases.Dispose();

    protected override EfLoyaltyStore<CrmDbContext> CreateStore() => _databases.CreateLoyaltyStore();
}
