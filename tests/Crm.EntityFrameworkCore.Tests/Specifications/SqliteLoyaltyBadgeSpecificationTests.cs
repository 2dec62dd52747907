using Crm.EntityFrameworkCore.Tests.TestSupport;
using Crm.Loyalty.Storage;
using Crm.Testing.Loyalty;

namespace Crm.EntityFrameworkCore.Tests.Specifications;

/// <summary>The badge specification (awarded once with points and event, ledger-derived rules, racing evaluations, unique keys) on SQLite (a WAL file database per test).</summary>
public sealed class SqliteLoyaltyBadgeSpecificationTests : LoyaltyBadgeSpecification, IDisposable
{
    private readonly TestDatabases _databases = new(Provider.Sqlite);

    public void Dispose() => _databases.Dispose();

    protected override ILoyaltyStore CreateStore() => _databases.CreateLoyaltyStore();
}
