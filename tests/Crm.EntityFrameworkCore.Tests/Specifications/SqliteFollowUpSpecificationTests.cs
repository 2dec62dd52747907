using Crm.EntityFrameworkCore.Interactions;
using Crm.EntityFrameworkCore.Tests.TestSupport;
using Crm.Testing.Interactions;

namespace Crm.EntityFrameworkCore.Tests.Specifications;

/// <summary>The Crm.Testing FollowUpSpecification run against <see cref="EfInteractionStore{TContext}"/> on SQLite (a WAL file database per test).</summary>
public sealed class SqliteFollowUpSpecificationTests : FollowUpSpecification<EfInteractionStore<CrmDbContext>>, IDisposable
{
    private readonly TestDatabases _databases = new(Provider.Sqlite);

    public void Dispose() => _databases.Dispose();

    protected override EfInteractionStore<CrmDbContext> CreateStore() => _databases.CreateInteractionStore();
}
