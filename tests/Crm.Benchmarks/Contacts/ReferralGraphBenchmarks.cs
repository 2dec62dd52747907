using BenchmarkDotNet.Attributes;
using Crm.Contacts.Events;
using Crm.Contacts.InMemory;
using Crm.Contacts.Referrals;
using Crm.Contacts.Storage;
using Crm.Contacts;
using Crm.Events;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace Crm.Benchmarks.Contacts;

/// <summary>
/// Referral graph queries on 1,000,000 contacts: one chain 10,000 deep, the other contacts in a random tree.
/// Built through the public API only: contacts through <see cref="ContactManager"/>, edges through the store in large change sets.
/// </summary>
[MemoryDiagnoser]
public class ReferralGraphBenchmarks
{
    private const int Contacts = 1_000_000;
    private const int Depth = 10_000;
    private static readonly TenantId Tenant = new("bench");

    private ReferralManager _referrals = null!;
    private ReferralAnalytics _analytics = null!;
    private InMemoryContactStore _store = null!;
    private ContactId _chainRoot;
    private ContactId _deepest;
    private ContactId _treeRoot;

    /// <summary>Builds the graph once per benchmark process.</summary>
    [GlobalSetup]
    public async Task SetupAsync()
    {
        var store = _store = new InMemoryContactStore();
        var clock = new FixedClock(Instant.FromUtc(2025, 1, 1, 0, 0));
        var eventIds = new TimeOrderedEventIdGenerator(clock);
        var contacts = new ContactManager(store, clock, eventIds, NullLogger<ContactManager>.Instance, Microsoft.Extensions.Options.Options.Create(new ContactOptions()));
        _referrals = new ReferralManager(store, store, clock, eventIds, NullLogger<ReferralManager>.Instance);
        _analytics = new ReferralAnalytics(store, store);

        var ids = new ContactId[Contacts];
        for (var i = 0; i < Contacts; i++)
        {
            ids[i] = (await contacts.CreateAsync(Tenant, new ContactDraft()).ConfigureAwait(false)).Id;
        }

        // ids[0..Depth] form one chain (ids[i] referred by ids[i - 1]); every later contact was referred by a random earlier one after the chain.
        var random = new Random(42);
        var edges = new List<Referral>(Contacts);
        for (var i = 1; i < Contacts; i++)
        {
            if (i == Depth + 1)
            {
                continue; // the root of the random tree
            }

            var referrer = i <= Depth ? ids[i - 1] : ids[random.Next(Depth + 1, i)];
            edges.Add(new Referral(ids[i], referrer, clock.GetCurrentInstant()));
        }

        foreach (var chunk in edges.Chunk(100_000))
        {
            var version = await store.GetGraphVersionAsync(Tenant, CancellationToken.None).ConfigureAwait(false);
            await store.SaveAsync(Tenant, new ContactChangeSet { ReferralsAdded = chunk, VersionChecks = [ContactChangeSet.ReferralGraphCheck(version)] }, CancellationToken.None).ConfigureAwait(false);
        }

        (_chainRoot, _deepest, _treeRoot) = (ids[0], ids[Depth], ids[Depth + 1]);
    }

    /// <summary>The baseline a naive store contract forces: one store round-trip per node to walk the 10,000-deep chain.</summary>
    [Benchmark(Baseline = true)]
    public async Task<int> ChainByOneRoundTripPerNode()
    {
        var length = 0;
        var current = _deepest;
        while (await _store.FindReferralAsync(Tenant, current, CancellationToken.None).ConfigureAwait(false) is { } referral)
        {
            current = referral.ReferrerId;
            length++;
        }

        return length;
    }

    /// <summary>The chain of the deepest contact: 10,000 edges up to the root, in one store call.</summary>
    [Benchmark]
    public Task<ReferralChain> ChainOf10000DeepContact() => _referrals.GetChainAsync(Tenant, _deepest);

    /// <summary>The downline of the chain's root: 10,000 contacts, one per level.</summary>
    [Benchmark]
    public async Task<int> DownlineOfChainRoot() => (await _referrals.GetDownlineAsync(Tenant, _chainRoot).ConfigureAwait(false)).Count;

    /// <summary>The downline of the random tree's root: 989,999 contacts.</summary>
    [Benchmark]
    public async Task<int> DownlineOfTreeRoot() => (await _referrals.GetDownlineAsync(Tenant, _treeRoot).ConfigureAwait(false)).Count;

    /// <summary>Direct and indirect counts of the random tree's root.</summary>
    [Benchmark]
    public Task<ReferralCounts> CountsOfTreeRoot() => _referrals.GetReferralCountsAsync(Tenant, _treeRoot);

    /// <summary>The longest chain of the whole graph (999,998 edges).</summary>
    [Benchmark]
    public Task<ReferralChain?> LongestChain() => _analytics.GetLongestChainAsync(Tenant);

    private sealed class FixedClock(Instant now) : IClock
    {
        public Instant GetCurrentInstant() => now;
    }
}
