using Crm.EntityFrameworkCore.Loyalty;
using Crm.EntityFrameworkCore.Tests.TestSupport;
using Crm.Loyalty.Storage;
using Crm.Testing.Loyalty;

namespace Crm.EntityFrameworkCore.Tests.Specifications;

/// <summary>The Crm.Testing loyalty ledger specification run against <see cref="EfLoyaltyStore{TContext}"/> on SQLite (a WAL file database per test).</summary>
public sealed class SqliteLoyaltyLedgerSpecificationTests : LoyaltyLedgerSpecification, IDisposable
{
    private readonly TestDatabases _databases = new(Provider.Sqlite);

    public void Dispose() => _databases.Dispose();

    protected override ILoyaltyStore CreateStore() => _databases.CreateLoyaltyStore();
}

/// <summary>The loyalty concurrency specification (32 parallel redemptions, 10 parallel retries of one accrual) on SQLite (a WAL file database per test).</summary>
public sealed class SqliteLoyaltyConcurrencySpecificationTests : LoyaltyConcurrencySpecification, IDisposable
{
    private readonly TestDatabases _databases = new(Provider.Sqlite);

    public void Dispose() => _databases.Dispose();

    protected override ILoyaltyStore CreateStore() => _databases.CreateLoyaltyStore();
}

/// <summary>The loyalty refund specification on SQLite (a WAL file database per test).</summary>
public sealed class SqliteLoyaltyRefundSpecificationTests : LoyaltyRefundSpecification, IDisposable
{
    private readonly TestDatabases _databases = new(Provider.Sqlite);

    public void Dispose() => _databases.Dispose();

    protected override ILoyaltyStore CreateStore() => _databases.CreateLoyaltyStore();
}

/// <summary>The loyalty reward specification on SQLite (a WAL file database per test).</summary>
public sealed class SqliteLoyaltyRewardSpecificationTests : LoyaltyRewardSpecification, IDisposable
{
    private readonly TestDatabases _databases = new(Provider.Sqlite);

    public void Dispose() => _databases.Dispose();

    protected override ILoyaltyStore CreateStore() => _databases.CreateLoyaltyStore();
}

/// <summary>The loyalty outbox specification on SQLite (a WAL file database per test).</summary>
public sealed class SqliteLoyaltyOutboxSpecificationTests : LoyaltyOutboxSpecification<EfLoyaltyStore<CrmDbContext>>, IDisposable
{
    private readonly TestDatabases _databases = new(Provider.Sqlite);

    public void Dispose() => _databases.Dispose();

    protected override EfLoyaltyStore<CrmDbContext> CreateStore() => _databases.CreateLoyaltyStore();
}
