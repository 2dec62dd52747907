using BenchmarkDotNet.Attributes;
using Crm.Contacts.Referrals;
using Crm.Contacts.Storage;
using Crm.EntityFrameworkCore;
using Crm.EntityFrameworkCore.Storage;
using Crm.Events;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NodaTime;

namespace Crm.Benchmarks.Contacts;

/// <summary>
/// Referral questions on PostgreSQL through <see cref="EfContactStore{TContext}"/>: one recursive query against walking
/// node by node over the same store (one round trip per node), on the graph of <see cref="ReferralGraphBenchmarks"/>: a
/// chain 10,000 deep and a random tree, 1,000,000 contacts in all (edges bulk-loaded with COPY).
/// </summary>
/// <remarks>Needs a server: <c>CRM_TEST_POSTGRES</c> (tests/Crm.EntityFrameworkCore.Tests/postgres.sh start). <c>CRM_BENCH_MODE=smoke</c> builds 20,000 contacts and a 1,000-deep chain.</remarks>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 7)]
public class PostgresReferralBenchmarks : IDisposable
{
    private static readonly TenantId Tenant = new("bench");
    private static readonly bool Smoke = string.Equals(Environment.GetEnvironmentVariable("CRM_BENCH_MODE"), "smoke", StringComparison.OrdinalIgnoreCase);
    private static readonly int Contacts = Smoke ? 20_000 : 1_000_000;
    private static readonly int Depth = Smoke ? 1_000 : 10_000;

    private DbContextOptions<CrmDbContext> _options = null!;
    private CrmDbContext _db = null!;
    private EfContactStore<CrmDbContext> _store = null!;
    private ReferralAnalytics _defaultAnalytics = null!;
    private ContactId[] _ids = null!;
    private ContactId _downlineRoot;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        try
        {
            await LoadAsync();
        }
        catch
        {
            await CleanupAsync();
            throw;
        }
    }

    private async Task LoadAsync()
    {
        var (_, connection) = await BenchmarkSchemas.CreateAsync();
        _options = new DbContextOptionsBuilder<CrmDbContext>().UseNpgsql(connection).Options;
        _db = new CrmDbContext(_options);
        await CrmSchema.EnsureCreatedAsync(_db);
        _store = new EfContactStore<CrmDbContext>(_db, new CrmEventSerializer([]));
        _defaultAnalytics = new ReferralAnalytics(_store, new NodeByNode(_store));

        // ids[0..Depth] form one chain; every later contact was referred by a random earlier one of the tree.
        _ids = [.. Enumerable.Range(0, Contacts).Select(_ => new ContactId(Guid.NewGuid()))];
        var random = new Random(42);
        var referrerOf = new int[Contacts];
        await using (var copy = new NpgsqlConnection(connection))
        {
            await copy.OpenAsync();
            var writer = await copy.BeginBinaryImportAsync("COPY crm_referrals (tenant_id, referee_id, referrer_id, referred_at) FROM STDIN (FORMAT BINARY)");
            var at = Instant.FromUtc(2025, 1, 1, 0, 0).ToUnixTimeTicks();
            for (var i = 1; i < Contacts; i++)
            {
                referrerOf[i] = -1;
                if (i == Depth + 1)
                {
                    continue; // the root of the random tree
                }

                referrerOf[i] = i <= Depth ? i - 1 : random.Next(Depth + 1, i);
                await writer.StartRowAsync();
                await writer.WriteAsync(Tenant.Value, NpgsqlTypes.NpgsqlDbType.Varchar);
                await writer.WriteAsync(_ids[i].Value, NpgsqlTypes.NpgsqlDbType.Uuid);
                await writer.WriteAsync(_ids[referrerOf[i]].Value, NpgsqlTypes.NpgsqlDbType.Uuid);
                await writer.WriteAsync(at, NpgsqlTypes.NpgsqlDbType.Bigint);
            }

            await writer.CompleteAsync();
            await writer.DisposeAsync();
            await using var analyze = new NpgsqlCommand("ANALYZE crm_referrals", copy);
            await analyze.ExecuteNonQueryAsync();
        }

        // The downline measured: the tree node whose subtree is closest to 10,000 contacts (Smoke: 1,000).
        var size = new int[Contacts];
        for (var i = Contacts - 1; i > Depth; i--)
        {
            size[i]++;
            if (referrerOf[i] > Depth)
            {
                size[referrerOf[i]] += size[i];
            }
        }

        var target = Smoke ? 1_000 : 10_000;
        _downlineRoot = _ids[Enumerable.Range(Depth + 1, Contacts - Depth - 1).MinBy(i => Math.Abs(size[i] - target))];
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        if (_db is not null)
        {
            await _db.DisposeAsync();
        }

        await BenchmarkSchemas.DropAllAsync();
    }

    public void Dispose()
    {
        _db?.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark(Baseline = true, Description = "chain 10,000 deep: node by node")]
    public async Task<int> ChainNodeByNode()
    {
        var count = 0;
        var current = _ids[Depth];
        while (await _store.FindReferralAsync(Tenant, current, CancellationToken.None) is { } referral)
        {
            count++;
            current = referral.ReferrerId;
        }

        return count;
    }

    [Benchmark(Description = "chain 10,000 deep: one recursive query")]
    public async Task<int> ChainRecursive() => (await _store.GetChainAsync(Tenant, _ids[Depth], CancellationToken.None)).Referrals.Count;

    [Benchmark(Description = "downline of ~10,000: node by node")]
    public async Task<int> DownlineNodeByNode()
    {
        var count = 0;
        var frontier = new Queue<ContactId>([_downlineRoot]);
        while (frontier.TryDequeue(out var node))
        {
            foreach (var referee in await _store.GetDirectRefereesAsync(Tenant, node, CancellationToken.None))
            {
                count++;
                frontier.Enqueue(referee);
            }
        }

        return count;
    }

    [Benchmark(Description = "downline of ~10,000: one recursive query")]
    public async Task<int> DownlineRecursive()
    {
        var count = 0;
        await foreach (var _ in _store.GetDownlineAsync(Tenant, _downlineRoot, int.MaxValue, CancellationToken.None))
        {
            count++;
        }

        return count;
    }

    [Benchmark(Description = "golden chain of 1,000,000: default (stream every edge)")]
    public async Task<int> GoldenChainDefault() => (await _defaultAnalytics.GetLongestChainAsync(Tenant))!.Length;

    [Benchmark(Description = "golden chain of 1,000,000: one recursive query")]
    public async Task<int> GoldenChainRecursive() => (await _store.GetLongestChainAsync(Tenant, CancellationToken.None))!.Length;

    /// <summary>The store seen as a plain <see cref="IReferralStore"/>, so <see cref="ReferralAnalytics"/> computes the golden chain itself from every edge.</summary>
    private sealed class NodeByNode(EfContactStore<CrmDbContext> store) : IReferralStore
    {
        public ValueTask<long> GetGraphVersionAsync(TenantId tenantId, CancellationToken cancellationToken) => store.GetGraphVersionAsync(tenantId, cancellationToken);

        public ValueTask<Referral?> FindReferralAsync(TenantId tenantId, ContactId refereeId, CancellationToken cancellationToken) => store.FindReferralAsync(tenantId, refereeId, cancellationToken);

        public ValueTask<ReferralChainSnapshot> GetChainAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken) => store.GetChainAsync(tenantId, contactId, cancellationToken);

        public IAsyncEnumerable<DownlineEntry> GetDownlineAsync(TenantId tenantId, ContactId rootId, int maxDepth, CancellationToken cancellationToken) => store.GetDownlineAsync(tenantId, rootId, maxDepth, cancellationToken);

        public ValueTask<IReadOnlyList<ContactId>> GetDirectRefereesAsync(TenantId tenantId, ContactId referrerId, CancellationToken cancellationToken) => store.GetDirectRefereesAsync(tenantId, referrerId, cancellationToken);

        public IAsyncEnumerable<Referral> GetAllReferralsAsync(TenantId tenantId, CancellationToken cancellationToken) => store.GetAllReferralsAsync(tenantId, cancellationToken);

        public IAsyncEnumerable<Referral> GetReferralsInIntervalAsync(TenantId tenantId, Interval interval, CancellationToken cancellationToken) => store.GetReferralsInIntervalAsync(tenantId, interval, cancellationToken);

        public ValueTask<ReferralRequest?> FindReferralRequestAsync(TenantId tenantId, ReferralRequestId requestId, CancellationToken cancellationToken) => store.FindReferralRequestAsync(tenantId, requestId, cancellationToken);

        public ValueTask<IReadOnlyList<ReferralRequest>> GetReferralRequestsAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken) => store.GetReferralRequestsAsync(tenantId, contactId, cancellationToken);
    }
}
