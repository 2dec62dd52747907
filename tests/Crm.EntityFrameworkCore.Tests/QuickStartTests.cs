using Crm.Contacts;
using Crm.Contacts.Profile;
using Crm.Contacts.Referrals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.EntityFrameworkCore.Tests;

/// <summary>The quick start of the package README (src/Crm.EntityFrameworkCore/README.md) and docs/persistence.md, as written, on a SQLite file.</summary>
public sealed class QuickStartTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"crm-quickstart-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }

    [Fact]
    public async Task The_readme_quick_start_records_and_reads_a_referral_chain()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDbContext<CrmDbContext>(o => o.UseSqlite($"Data Source={_file}"));
        services.AddCrm().AddContacts().UseEntityFrameworkCore<CrmDbContext>();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        await CrmSchema.EnsureCreatedAsync(scope.ServiceProvider.GetRequiredService<CrmDbContext>());   // idempotent

        var contacts = scope.ServiceProvider.GetRequiredService<ContactManager>();
        var referrals = scope.ServiceProvider.GetRequiredService<ReferralManager>();
        var tenant = new TenantId("acme");
        var ada = await contacts.CreateAsync(tenant, new ContactDraft { Name = new PersonName("Ada Okafor"), Emails = ["ada@example.com"] });
        var bo = await contacts.CreateAsync(tenant, new ContactDraft { Name = new PersonName("Bo Lindqvist") });
        await referrals.RecordReferralAsync(tenant, refereeId: bo.Id, referrerId: ada.Id);
        var chain = await referrals.GetChainAsync(tenant, bo.Id);           // Ada → Bo, one recursive query

        chain.Members.Should().Equal(ada.Id, bo.Id);
    }
}
