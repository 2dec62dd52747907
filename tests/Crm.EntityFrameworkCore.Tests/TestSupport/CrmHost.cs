using Crm.Contacts;
using Crm.EntityFrameworkCore.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.EntityFrameworkCore.Tests.TestSupport;

/// <summary>A host as an application builds it: <c>AddDbContext</c>, <c>AddCrm().AddContacts().UseEntityFrameworkCore()</c>, scopes validated; one scope per operation, like one request each.</summary>
public sealed class CrmHost : IAsyncDisposable
{
    public static readonly TenantId Tenant = new("ef-tenant");

    public CrmHost(TestDatabase database, Action<ContactOptions>? configure = null, Action<IServiceCollection>? services = null)
    {
        Database = database;
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddDbContext<CrmDbContext>(database.Configure);
        collection.AddCrm()
            .AddContacts(o =>
            {
                o.DefaultPhoneRegion = "GB";
                configure?.Invoke(o);
            })
            .UseEntityFrameworkCore<CrmDbContext>();
        services?.Invoke(collection);
        Services = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    public TestDatabase Database { get; }

    public ServiceProvider Services { get; }

    /// <summary>Runs <paramref name="work"/> in a new scope (its own context and store).</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        var scope = Services.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            return await work(scope.ServiceProvider).ConfigureAwait(false);
        }
    }

    public Task<T> WithContactsAsync<T>(Func<ContactManager, Task<T>> work)
        => InScopeAsync(sp => work(sp.GetRequiredService<ContactManager>()));

    public Task<T> WithReferralsAsync<T>(Func<Crm.Contacts.Referrals.ReferralManager, Task<T>> work)
        => InScopeAsync(sp => work(sp.GetRequiredService<Crm.Contacts.Referrals.ReferralManager>()));

    /// <summary>How many rows each CRM table holds (a fresh context, outside every test transaction).</summary>
    public async Task<RowCounts> CountRowsAsync()
    {
        await using var db = Database.CreateDbContext();
        return new RowCounts(
            await db.Set<ContactRow>().CountAsync(),
            await db.Set<ContactEmailRow>().CountAsync(),
            await db.Set<ContactLifecycleRow>().CountAsync(),
            await db.Set<DuplicateKeyRow>().CountAsync(),
            await db.Set<IdempotencyKeyRow>().CountAsync(),
            await db.Set<OutboxRow>().CountAsync(),
            await db.Set<ReferralRow>().CountAsync());
    }

    public ValueTask DisposeAsync() => Services.DisposeAsync();
}

public sealed record RowCounts(int Contacts, int Emails, int LifecycleSteps, int DuplicateKeys, int IdempotencyKeys, int OutboxEvents, int Referrals);
