using Crm.EntityFrameworkCore.Loyalty;
using Crm.EntityFrameworkCore.Tests.TestSupport;
using Crm.Loyalty.Storage;
using Crm.Testing.Loyalty;

namespace Crm.EntityFrameworkCore.Tests.Specifications;

/// <summary>The Crm.Testing loyalty ledger specification run against <see cref="EfLoyaltyStore{TContext}"/> on PostgreSQL (a schema per test on the server named by CRM_TEST_POSTGRES).</summary>
public sealed class PostgresLoyaltyLedgerSpecificationTests : LoyaltyLedgerSpecification, IDisposable, IPostgresTests
{
    private readonly TestDatabases _databases = new(Provider.Postgres);

    public void Dispose() => _databases.Dispose();

    protected override ILoyaltyStore CreateStore() => _databases.CreateLoyaltyStore();
}

/// <summary>The loyalty concurrency specification (32 parallel redemptions, 10 parallel retries of one accrual) on PostgreSQL (a schema per test on the server named by CRM_TEST_POSTGRES).</summary>
public sealed class PostgresLoyaltyConcurrencySpecificationTests : LoyaltyConcurrencySpecification, IDisposable, IPostgresTests
{
    private readonly TestDatabases _databases = new(Provider.Postgres);

    public void Dispose() => _databases.Dispose();

    protected override ILoyaltyStore CreateStore() => _databases.CreateLoyaltyStore();
}

/// <summary>The loyalty refund specification on PostgreSQL (a schema per test on the server named by CRM_TEST_POSTGRES).</summary>
public sealed class PostgresLoyaltyRefundSpecificationTests : LoyaltyRefundSpecification, IDisposable, IPostgresTests
{
    private readonly TestDatabases _databases = new(Provider.Postgres);

    public void Dispose() => _databases.Dispose();

    protected override ILoyaltyStore CreateStore() => _databases.CreateLoyaltyStore();
}

/// <summary>The loyalty reward specification on PostgreSQL (a schema per test on the server named by CRM_TEST_POSTGRES).</summary>
public sealed class PostgresLoyaltyRewardSpecificationTests : LoyaltyRewardSpecification, IDisposable, IPostgresTests
{
    private readonly TestDatabases _databases = new(Provider.Postgres);

    public void Dispose() => _databases.Dispose();

    protected override ILoyaltyStore CreateStore() => _databases.CreateLoyaltyStore();
}

/// <summary>The loyalty outbox specification on PostgreSQL (a schema per test on the server named by CRM_TEST_POSTGRES).</summary>
public sealed class PostgresLoyaltyOutboxSpecificationTests : LoyaltyOutboxSpecification<EfLoyaltyStore<CrmDbContext>>, IDisposable, IPostgresTests
{
    private readonly TestDatabases _databases = new(Provider.Postgres);

    public void Dispose() => _databases.Dispose();

    protected override EfLoyaltyStore<CrmDbContext> CreateStore() => _databases.CreateLoyaltyStore();
}
