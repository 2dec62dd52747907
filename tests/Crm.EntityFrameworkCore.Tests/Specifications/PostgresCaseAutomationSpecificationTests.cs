using Crm.EntityFrameworkCore.Interactions;
using Crm.EntityFrameworkCore.Tests.TestSupport;
using Crm.Testing.Interactions;

namespace Crm.EntityFrameworkCore.Tests.Specifications;

/// <summary>The Crm.Testing CaseAutomationSpecification run against <see cref="EfInteractionStore{TContext}"/> on PostgreSQL (a schema per test on the server named by CRM_TEST_POSTGRES).</summary>
public sealed class PostgresCaseAutomationSpecificationTests : CaseAutomationSpecification<EfInteractionStore<CrmDbContext>>, IDisposable, IPostgresTests
{
    private readonly TestDatabases _databases = new(Provider.Postgres);

    public void Dispose() => _databases.Dispose();

    protected override EfInteractionStore<CrmDbContext> CreateStore() => _databases.CreateInteractionStore();
}
