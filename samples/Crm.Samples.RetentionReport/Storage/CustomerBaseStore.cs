using Crm.Contacts;
using Crm.Contacts.Import;
using Crm.Contacts.Profile;
using Crm.Contacts.Referrals;
using Crm.EntityFrameworkCore;
using Crm.Samples.RetentionReport.Generation;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Crm.Samples.RetentionReport.Storage;

/// <summary>
/// Keeps the generated customers and their referrals in an embedded SQLite file through CrmCore's own managers
/// (<see cref="ContactManager"/>, <see cref="ReferralManager"/>) on the EF Core stores, and asks the referral
/// analytics for the top referrers and the golden chain.
/// </summary>
internal sealed class CustomerBaseStore : IAsyncDisposable
{
    // A fresh DI scope (and so a fresh DbContext) per batch keeps EF's change tracker small.
    private const int Batch = 250;

    /// <summary>The tenant the generated base is kept under.</summary>
    public static readonly TenantId Tenant = new("retention-demo");

    private readonly ServiceProvider _provider;
    private readonly TenantId _tenant = Tenant;

    private CustomerBaseStore(ServiceProvider provider) => _provider = provider;

    /// <summary>Creates an empty CRM database in <paramref name="file"/> (an existing file is replaced).</summary>
    public static async Task<CustomerBaseStore> CreateAsync(string file, CancellationToken cancellationToken)
    {
        SqliteConnection.ClearAllPools();
        foreach (var path in new[] { file, file + "-wal", file + "-shm" })
        {
            File.Delete(path);
        }

        var services = new ServiceCollection();
        services.AddLogging();                                        // no provider: the sample prints its own output
        services.AddDbContext<CrmDbContext>(o => o.UseSqlite($"Data Source={file}").AddInterceptors(new SqliteTuning()));
        services.AddCrm().AddContacts().UseEntityFrameworkCore<CrmDbContext>();
        var store = new CustomerBaseStore(services.BuildServiceProvider());
        await using var scope = store._provider.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        await context.Database.OpenConnectionAsync(cancellationToken);
        await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
        await CrmSchema.EnsureCreatedAsync(context, cancellationToken);
        return store;
    }

    /// <summary>Creates one contact per customer and records every referral; returns the contact ids, by customer index.</summary>
    /// <param name="customers">The customers, earliest acquired first (a referrer always comes before the customers they referred).</param>
    /// <param name="progress">Told the share done, 0–1.</param>
    /// <param name="cancellationToken">Stops between writes.</param>
    public async Task<IReadOnlyList<ContactId>> StoreAsync(IReadOnlyList<GeneratedCustomer> customers, IProgress<double> progress, CancellationToken cancellationToken)
    {
        var ids = new ContactId[customers.Count];
        var referrals = customers.Count(c => c.ReferredBy is not null);
        var total = (double)(customers.Count + referrals);
        var done = 0;
        await using (var scope = _provider.CreateAsyncScope())
        {
            // The importer validates every draft like ContactManager does, and writes each batch through the store's
            // bulk path (IContactBulkInsert: one prepared INSERT re-executed on SQLite), events and keys included.
            var importer = scope.ServiceProvider.GetRequiredService<ContactImporter>();
            var drafts = customers.Select((c, i) => new ContactDraft { Name = new PersonName(c.Name), IdempotencyKey = $"customer-{i}" });
            var result = await importer.ImportAsync(_tenant, drafts, new ImportOptions { BatchSize = ImportOptions.MaxBatchSize }, cancellationToken);
            foreach (var row in result.Rows)
            {
                ids[row.Row - 1] = row.ContactId ?? throw new InvalidOperationException($"Generated customer {row.Row} was not imported: {row.Outcome} ({row.Field} {row.Error}).");
            }

            done += customers.Count;
            progress.Report(done / total);
        }

        var referred = customers.Select((c, i) => (c.ReferredBy, Referee: i)).Where(r => r.ReferredBy is not null).ToArray();
        for (var start = 0; start < referred.Length; start += Batch)
        {
            await using var scope = _provider.CreateAsyncScope();
            var manager = scope.ServiceProvider.GetRequiredService<ReferralManager>();
            foreach (var (referrer, referee) in referred.Skip(start).Take(Batch))
            {
                await manager.RecordReferralAsync(_tenant, refereeId: ids[referee], referrerId: ids[referrer!.Value], cancellationToken: cancellationToken);
            }

            done += Math.Min(Batch, referred.Length - start);
            progress.Report(done / total);
        }

        return ids;
    }

    /// <summary>The top referrers of all time (with their direct and indirect counts) and the golden chain, read back from the database.</summary>
    public async Task<ReferralFigures> ReferralsAsync(int top, CancellationToken cancellationToken)
    {
        await using var scope = _provider.CreateAsyncScope();
        var analytics = scope.ServiceProvider.GetRequiredService<ReferralAnalytics>();
        var manager = scope.ServiceProvider.GetRequiredService<ReferralManager>();
        var allTime = new Interval(Instant.FromUnixTimeSeconds(0), scope.ServiceProvider.GetRequiredService<IClock>().GetCurrentInstant() + Duration.FromDays(1));
        var referrers = new List<ReferrerFigures>();
        foreach (var referrer in await analytics.GetTopReferrersAsync(_tenant, allTime, top, cancellationToken))
        {
            var counts = await manager.GetReferralCountsAsync(_tenant, referrer.ReferrerId, cancellationToken);
            referrers.Add(new ReferrerFigures(referrer.ReferrerId.ToString(), counts.Direct, counts.Indirect));
        }

        var golden = await analytics.GetLongestChainAsync(_tenant, cancellationToken);
        return new ReferralFigures(referrers, golden is null ? [] : [.. golden.Members.Select(m => m.ToString())]);
    }

    /// <summary>Releases the container and its connections.</summary>
    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
