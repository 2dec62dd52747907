using Crm.EntityFrameworkCore.Storage;
using Crm.EntityFrameworkCore.Tests.TestSupport;
using Crm.Testing.Contacts;

namespace Crm.EntityFrameworkCore.Tests.Specifications;

/// <summary>The Crm.Testing BulkInsertSpecification run against <see cref="EfContactStore{TContext}"/> on SQLite (a WAL file database per test).</summary>
public sealed class SqliteBulkInsertSpecificationTests : BulkInsertSpecification<EfContactStore<CrmDbContext>>, IDisposable
{
    private readonly TestDatabases _databases = new(Provider.Sqlite);

    public void Dispose() => _databases.Dispose();

    protected override EfContactStore<CrmDbContext> CreateStore() => _databases.CreateStore();
}
