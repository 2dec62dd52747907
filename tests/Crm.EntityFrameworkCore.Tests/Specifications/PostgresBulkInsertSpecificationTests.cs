using Crm.EntityFrameworkCore.Storage;
using Crm.EntityFrameworkCore.Tests.TestSupport;
using Crm.Testing.Contacts;

namespace Crm.EntityFrameworkCore.Tests.Specifications;

/// <summary>The Crm.Testing BulkInsertSpecification run against <see cref="EfContactStore{TContext}"/> on PostgreSQL (a schema per test on the server named by CRM_TEST_POSTGRES).</summary>
public sealed class PostgresBulkInsertSpecificationTests : BulkInsertSpecification<EfContactStore<CrmDbContext>>, IDisposable, IPostgresTests
{
    private readonly TestDatabases _databases = new(Provider.Postgres);

    public void Dispose() => _databases.Dispose();

    protected override EfContactStore<CrmDbContext> CreateStore() => _databases.CreateStore();
}
