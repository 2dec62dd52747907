using Crm.Contacts;
using Crm.Contacts.Referrals;
using Crm.Contacts.Storage;

namespace Crm.Testing.Contacts;

/// <summary>
/// The referral capability (<see cref="IReferralStore"/>) of a contact store: graph versions, chains and downlines (also
/// 10,000 deep), their order, and referral requests, tested through <see cref="ReferralManager"/> as a host uses it.
/// </summary>
/// <typeparam name="TStore">The store under test; it must implement the referral capability.</typeparam>
public abstract class ReferralStoreSpecification<TStore> : ContactSpecificationBase<TStore>
    where TStore : class, IContactStore, IReferralStore
{
    /// <summary>How deep the deep-chain test goes.</summary>
    protected const int DeepChainLength = 10_000;

    /// <summary>Every recorded referral moves the graph version on, and a chain is read at the version it reports.</summary>
    [Fact]
    public async Task Recording_a_referral_bumps_the_graph_version()
    {
        var store = CreateStore();
        var (a, b, c) = await ThreeContactsAsync(store).ConfigureAwait(false);
        var referrals = CreateReferralManager(store);
        var v0 = await store.GetGraphVersionAsync(TenantA, CancellationToken.None).ConfigureAwait(false);

        await referrals.RecordReferralAsync(TenantA, refereeId: b, referrerId: a).ConfigureAwait(false);
        var v1 = await store.GetGraphVersionAsync(TenantA, CancellationToken.None).ConfigureAwait(false);
        await referrals.RecordReferralAsync(TenantA, refereeId: c, referrerId: b).ConfigureAwait(false);
        var v2 = await store.GetGraphVersionAsync(TenantA, CancellationToken.None).ConfigureAwait(false);

        v1.Should().BeGreaterThan(v0);
        v2.Should().BeGreaterThan(v1);
        (await store.GetChainAsync(TenantA, c, CancellationToken.None).ConfigureAwait(false)).GraphVersion.Should().Be(v2);
        (await store.GetGraphVersionAsync(TenantB, CancellationToken.None).ConfigureAwait(false)).Should().Be(0, "the graph version is per tenant");
    }

    /// <summary>A change set computed against a graph version that has since moved on conflicts and writes nothing, even when it changes no edge.</summary>
    [Fact]
    public async Task A_version_only_check_against_a_stale_graph_version_conflicts_and_writes_nothing()
    {
        var store = CreateStore();
        var (a, b, _) = await ThreeContactsAsync(store).ConfigureAwait(false);
        var stale = await store.GetGraphVersionAsync(TenantA, CancellationToken.None).ConfigureAwait(false);
        await CreateReferralManager(store).RecordReferralAsync(TenantA, refereeId: b, referrerId: a).ConfigureAwait(false);
        var contact = await NewContactAsync(TenantA, "guarded@example.com").ConfigureAwait(false);

        var act = async () => await SaveAsync(store, TenantA, new ContactChangeSet { Created = [contact], VersionChecks = [ContactChangeSet.ReferralGraphCheck(stale, advance: false)] }).ConfigureAwait(false);

        await act.Should().ThrowAsync<ConcurrencyConflictException>().ConfigureAwait(false);
        (await store.FindByIdAsync(TenantA, contact.Id, CancellationToken.None).ConfigureAwait(false)).Should().BeNull();
    }

    /// <summary>A version-only check at the current graph version passes.</summary>
    [Fact]
    public async Task A_version_only_check_at_the_current_graph_version_passes()
    {
        var store = CreateStore();
        var (a, b, _) = await ThreeContactsAsync(store).ConfigureAwait(false);
        await CreateReferralManager(store).RecordReferralAsync(TenantA, refereeId: b, referrerId: a).ConfigureAwait(false);
        var current = await store.GetGraphVersionAsync(TenantA, CancellationToken.None).ConfigureAwait(false);
        var contact = await NewContactAsync(TenantA, "guarded@example.com").ConfigureAwait(false);

        await SaveAsync(store, TenantA, new ContactChangeSet { Created = [contact], VersionChecks = [ContactChangeSet.ReferralGraphCheck(current, advance: false)] }).ConfigureAwait(false);

        (await store.FindByIdAsync(TenantA, contact.Id, CancellationToken.None).ConfigureAwait(false)).Should().NotBeNull();
    }

    /// <summary>A chain 10,000 referrals deep is read whole, root first, and the root's downline holds all of it with the right depths.</summary>
    [Fact]
    public async Task A_chain_ten_thousand_deep_is_read_whole()
    {
        var store = CreateStore();
        var manager = CreateManager(store);
        var ids = new ContactId[DeepChainLength + 1];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = (await manager.CreateAsync(TenantA, new ContactDraft()).ConfigureAwait(false)).Id;
        }

        var at = Clock.GetCurrentInstant();
        var edges = Enumerable.Range(1, DeepChainLength).Select(i => new Referral(ids[i], ids[i - 1], at)).ToList();
        var version = await store.GetGraphVersionAsync(TenantA, CancellationToken.None).ConfigureAwait(false);
        await SaveAsync(store, TenantA, new ContactChangeSet { ReferralsAdded = edges, VersionChecks = [ContactChangeSet.ReferralGraphCheck(version)] }).ConfigureAwait(false);
        var referrals = CreateReferralManager(store);

        var chain = await referrals.GetChainAsync(TenantA, ids[^1]).ConfigureAwait(false);
        chain.Members.Should().Equal(ids);
        chain.Length.Should().Be(DeepChainLength);

        var downline = await referrals.GetDownlineAsync(TenantA, ids[0]).ConfigureAwait(false);
        downline.Select(d => d.ContactId).Should().Equal(ids.Skip(1));
        downline.Select(d => d.Depth).Should().Equal(Enumerable.Range(1, DeepChainLength));
        (await referrals.GetDownlineAsync(TenantA, ids[0], maxDepth: 3).ConfigureAwait(false)).Should().HaveCount(3);
    }

    /// <summary>A downline is breadth-first, and within a depth in the order the referrals were recorded (not in id order).</summary>
    [Fact]
    public async Task Downline_is_breadth_first_then_in_the_order_referrals_were_recorded()
    {
        var store = CreateStore();
        var referrals = CreateReferralManager(store);

        // Record in descending id order, so recorded order and id order disagree.
        var sorted = await ContactsInIdOrderAsync(store, 8).ConfigureAwait(false);
        var root = sorted[^1];
        var (a, b, c, a1, a2, b1, x) = (sorted[6], sorted[5], sorted[4], sorted[3], sorted[2], sorted[1], sorted[0]);
        foreach (var (referee, referrer) in new[] { (a, root), (b, root), (c, root), (a1, a), (a2, a), (b1, b), (x, a1) })
        {
            await referrals.RecordReferralAsync(TenantA, referee, referrer).ConfigureAwait(false);
        }

        var downline = await referrals.GetDownlineAsync(TenantA, root).ConfigureAwait(false);

        downline.Should().Equal(
            new DownlineEntry(a, root, 1), new DownlineEntry(b, root, 1), new DownlineEntry(c, root, 1),
            new DownlineEntry(a1, a, 2), new DownlineEntry(a2, a, 2), new DownlineEntry(b1, b, 2),
            new DownlineEntry(x, a1, 3));
        (await store.GetDirectRefereesAsync(TenantA, root, CancellationToken.None).ConfigureAwait(false)).Should().Equal(a, b, c);
        (await referrals.GetChainAsync(TenantA, x).ConfigureAwait(false)).Members.Should().Equal(root, a, a1, x);
    }

    /// <summary>A referral is found by its referee, listed among all edges, and invisible to another tenant.</summary>
    [Fact]
    public async Task A_recorded_referral_is_found_and_stays_in_its_tenant()
    {
        var store = CreateStore();
        var (a, b, _) = await ThreeContactsAsync(store).ConfigureAwait(false);
        var recorded = await CreateReferralManager(store).RecordReferralAsync(TenantA, refereeId: b, referrerId: a).ConfigureAwait(false);

        (await store.FindReferralAsync(TenantA, b, CancellationToken.None).ConfigureAwait(false)).Should().Be(recorded);
        (await ToListAsync(store.GetAllReferralsAsync(TenantA, CancellationToken.None)).ConfigureAwait(false)).Should().Equal(recorded);
        (await store.FindReferralAsync(TenantB, b, CancellationToken.None).ConfigureAwait(false)).Should().BeNull();
        (await ToListAsync(store.GetAllReferralsAsync(TenantB, CancellationToken.None)).ConfigureAwait(false)).Should().BeEmpty();
        (await store.GetDirectRefereesAsync(TenantB, a, CancellationToken.None).ConfigureAwait(false)).Should().BeEmpty();
    }

    /// <summary>A second referrer and a cycle are refused, and the graph is unchanged.</summary>
    [Fact]
    public async Task A_second_referrer_and_a_cycle_are_refused()
    {
        var store = CreateStore();
        var (a, b, c) = await ThreeContactsAsync(store).ConfigureAwait(false);
        var referrals = CreateReferralManager(store);
        await referrals.RecordReferralAsync(TenantA, refereeId: b, referrerId: a).ConfigureAwait(false);
        await referrals.RecordReferralAsync(TenantA, refereeId: c, referrerId: b).ConfigureAwait(false);
        var version = await store.GetGraphVersionAsync(TenantA, CancellationToken.None).ConfigureAwait(false);

        await FluentActions.Awaiting(() => referrals.RecordReferralAsync(TenantA, refereeId: c, referrerId: a)).Should().ThrowAsync<ReferrerAlreadySetException>().ConfigureAwait(false);
        await FluentActions.Awaiting(() => referrals.RecordReferralAsync(TenantA, refereeId: a, referrerId: c)).Should().ThrowAsync<ReferralCycleException>().ConfigureAwait(false);

        (await store.GetGraphVersionAsync(TenantA, CancellationToken.None).ConfigureAwait(false)).Should().Be(version);
        (await ToListAsync(store.GetAllReferralsAsync(TenantA, CancellationToken.None)).ConfigureAwait(false)).Should().HaveCount(2);
    }

    /// <summary>Referral requests are stored, read back oldest first, answered once, and guarded by their stamp.</summary>
    [Fact]
    public async Task Referral_requests_are_stored_answered_and_stamp_checked()
    {
        var store = CreateStore();
        var (a, _, _) = await ThreeContactsAsync(store).ConfigureAwait(false);
        var referrals = CreateReferralManager(store);
        var first = await referrals.AskForReferralAsync(TenantA, a, "email").ConfigureAwait(false);
        var second = await referrals.AskForReferralAsync(TenantA, a).ConfigureAwait(false);

        (await store.FindReferralRequestAsync(TenantA, first.Id, CancellationToken.None).ConfigureAwait(false)).Should().Be(first);
        (await store.GetReferralRequestsAsync(TenantA, a, CancellationToken.None).ConfigureAwait(false)).Should().Equal(first, second);
        (await store.FindReferralRequestAsync(TenantB, first.Id, CancellationToken.None).ConfigureAwait(false)).Should().BeNull();

        var answered = await referrals.RecordReferralRequestAnswerAsync(TenantA, first.Id, ReferralRequestOutcome.Accepted, first.ConcurrencyStamp).ConfigureAwait(false);

        answered.Outcome.Should().Be(ReferralRequestOutcome.Accepted);
        answered.ConcurrencyStamp.Should().NotBe(first.ConcurrencyStamp);
        (await store.FindReferralRequestAsync(TenantA, first.Id, CancellationToken.None).ConfigureAwait(false)).Should().Be(answered);

        var staleUpdate = async () => await SaveAsync(store, TenantA, new ContactChangeSet { ReferralRequestsUpdated = [new ReferralRequestUpdate(answered, first.ConcurrencyStamp)] }).ConfigureAwait(false);
        await staleUpdate.Should().ThrowAsync<ConcurrencyConflictException>().ConfigureAwait(false);
        (await store.FindReferralRequestAsync(TenantA, first.Id, CancellationToken.None).ConfigureAwait(false)).Should().Be(answered);
    }

    /// <summary>A referral recorded in answer to a request names it.</summary>
    [Fact]
    public async Task A_referral_recorded_for_a_request_keeps_the_request_id()
    {
        var store = CreateStore();
        var (a, b, _) = await ThreeContactsAsync(store).ConfigureAwait(false);
        var referrals = CreateReferralManager(store);
        var request = await referrals.AskForReferralAsync(TenantA, a, "sms").ConfigureAwait(false);

        await referrals.RecordReferralAsync(TenantA, refereeId: b, referrerId: a, requestId: request.Id).ConfigureAwait(false);

        (await store.FindReferralAsync(TenantA, b, CancellationToken.None).ConfigureAwait(false))!.RequestId.Should().Be(request.Id);
    }

    /// <summary>A change set that adds or removes referral edges without advancing <see cref="ContactChangeSet.ReferralGraphCounter"/> (no check, or a check-only one) is malformed: <see cref="ArgumentException"/>, nothing written.</summary>
    [Fact]
    public async Task Edges_changed_without_advancing_the_graph_counter_are_refused()
    {
        var store = CreateStore();
        var (a, b, c) = await ThreeContactsAsync(store).ConfigureAwait(false);
        var recorded = await CreateReferralManager(store).RecordReferralAsync(TenantA, refereeId: b, referrerId: a).ConfigureAwait(false);
        var version = await store.GetGraphVersionAsync(TenantA, CancellationToken.None).ConfigureAwait(false);
        var edge = new Referral(c, a, Clock.GetCurrentInstant());

        var unguarded = async () => await SaveAsync(store, TenantA, new ContactChangeSet { ReferralsAdded = [edge] }).ConfigureAwait(false);
        var checkOnly = async () => await SaveAsync(store, TenantA, new ContactChangeSet { ReferralsAdded = [edge], VersionChecks = [ContactChangeSet.ReferralGraphCheck(version, advance: false)] }).ConfigureAwait(false);
        var removal = async () => await SaveAsync(store, TenantA, new ContactChangeSet { ReferralsRemoved = [recorded] }).ConfigureAwait(false);

        await unguarded.Should().ThrowAsync<ArgumentException>().ConfigureAwait(false);
        await checkOnly.Should().ThrowAsync<ArgumentException>().ConfigureAwait(false);
        await removal.Should().ThrowAsync<ArgumentException>().ConfigureAwait(false);
        (await store.FindReferralAsync(TenantA, c, CancellationToken.None).ConfigureAwait(false)).Should().BeNull();
        (await store.FindReferralAsync(TenantA, b, CancellationToken.None).ConfigureAwait(false)).Should().Be(recorded);
        (await store.GetGraphVersionAsync(TenantA, CancellationToken.None).ConfigureAwait(false)).Should().Be(version);
    }

    /// <summary>A second referrer reaching the store directly (a concurrent change slipped past the manager) is a <see cref="ConcurrencyConflictException"/> with entity <c>referral</c> and the referee's id; nothing of the change set is written.</summary>
    [Fact]
    public async Task A_second_referrer_reaching_the_store_conflicts_and_writes_nothing()
    {
        var store = CreateStore();
        var (a, b, c) = await ThreeContactsAsync(store).ConfigureAwait(false);
        await CreateReferralManager(store).RecordReferralAsync(TenantA, refereeId: b, referrerId: a).ConfigureAwait(false);

        var conflict = await SaveEdgeBesideANewContactAsync(store, new Referral(b, c, Clock.GetCurrentInstant()), (b, a)).ConfigureAwait(false);

        conflict.Id.Should().Be(b.ToString());
    }

    /// <summary>A referral closing a cycle reaching the store directly is a <see cref="ConcurrencyConflictException"/> with entity <c>referral</c>; nothing of the change set is written.</summary>
    [Fact]
    public async Task A_cycle_reaching_the_store_conflicts_and_writes_nothing()
    {
        var store = CreateStore();
        var (a, b, c) = await ThreeContactsAsync(store).ConfigureAwait(false);
        var referrals = CreateReferralManager(store);
        await referrals.RecordReferralAsync(TenantA, refereeId: b, referrerId: a).ConfigureAwait(false);
        await referrals.RecordReferralAsync(TenantA, refereeId: c, referrerId: b).ConfigureAwait(false);

        await SaveEdgeBesideANewContactAsync(store, new Referral(a, c, Clock.GetCurrentInstant()), (b, a), (c, b)).ConfigureAwait(false);

        (await store.FindReferralAsync(TenantA, a, CancellationToken.None).ConfigureAwait(false)).Should().BeNull();
    }

    /// <summary><see cref="IReferralStore.GetReferralsByReferrersAsync"/> answers for many referrers at once: per referrer in the order given, its referees in the order the referrals were recorded; unknown and other-tenant referrers add nothing.</summary>
    [Fact]
    public async Task Referrals_by_referrers_come_per_referrer_in_the_order_given_then_as_recorded()
    {
        var store = CreateStore();
        var referrals = CreateReferralManager(store);

        // Referees recorded in descending id order, so recorded order and id order disagree.
        var sorted = await ContactsInIdOrderAsync(store, 7).ConfigureAwait(false);
        var (p, q, p1, p2, p3, q1, lone) = (sorted[0], sorted[1], sorted[6], sorted[5], sorted[4], sorted[3], sorted[2]);
        var recorded = new List<Referral>();
        foreach (var (referee, referrer) in new[] { (p1, p), (q1, q), (p2, p), (p3, p) })
        {
            recorded.Add(await referrals.RecordReferralAsync(TenantA, referee, referrer).ConfigureAwait(false));
        }

        var edges = await store.GetReferralsByReferrersAsync(TenantA, [q, lone, ContactId.New(), p], CancellationToken.None).ConfigureAwait(false);

        edges.Should().Equal(recorded[1], recorded[0], recorded[2], recorded[3]);
        (await store.GetReferralsByReferrersAsync(TenantA, [], CancellationToken.None).ConfigureAwait(false)).Should().BeEmpty();
        (await store.GetReferralsByReferrersAsync(TenantB, [p, q], CancellationToken.None).ConfigureAwait(false)).Should().BeEmpty();
    }

    /// <summary>The per-contact counter <see cref="ContactChangeSet.ReferralRequestsCounter"/> is checked and advanced like any named counter: a change set creating a request from a stale count conflicts and writes no request.</summary>
    [Fact]
    public async Task A_referral_request_guarded_by_a_stale_requests_counter_conflicts()
    {
        var store = CreateStore();
        var (a, _, _) = await ThreeContactsAsync(store).ConfigureAwait(false);
        var counter = ContactChangeSet.ReferralRequestsCounter(a);
        var first = new ReferralRequest(ReferralRequestId.New(), a, Clock.GetCurrentInstant(), "email", ReferralRequestOutcome.Pending, null, Crm.Storage.ConcurrencyStamp.New());
        var second = new ReferralRequest(ReferralRequestId.New(), a, Clock.GetCurrentInstant(), "email", ReferralRequestOutcome.Pending, null, Crm.Storage.ConcurrencyStamp.New());
        await SaveAsync(store, TenantA, new ContactChangeSet { ReferralRequestsCreated = [first], VersionChecks = [new Crm.Storage.VersionCheck(counter, 0, advance: true)] }).ConfigureAwait(false);

        var stale = async () => await SaveAsync(store, TenantA, new ContactChangeSet { ReferralRequestsCreated = [second], VersionChecks = [new Crm.Storage.VersionCheck(counter, 0, advance: true)] }).ConfigureAwait(false);

        (await stale.Should().ThrowAsync<ConcurrencyConflictException>().ConfigureAwait(false)).Which.Entity.Should().Be("version counter");
        (await store.GetReferralRequestsAsync(TenantA, a, CancellationToken.None).ConfigureAwait(false)).Should().Equal(first);
        await SaveAsync(store, TenantA, new ContactChangeSet { ReferralRequestsCreated = [second], VersionChecks = [new Crm.Storage.VersionCheck(counter, 1, advance: true)] }).ConfigureAwait(false);
    }

    private async Task<List<ContactId>> ContactsInIdOrderAsync(TStore store, int count)
    {
        var manager = CreateManager(store);
        var ids = new List<ContactId>();
        for (var i = 0; i < count; i++)
        {
            ids.Add((await manager.CreateAsync(TenantA, new ContactDraft()).ConfigureAwait(false)).Id);
        }

        ids.Sort();
        return ids;
    }

    /// <summary>Saves <paramref name="edge"/> at the current graph version beside a new contact, expects a conflict on entity <c>referral</c>, and checks that nothing was written: no contact, the same version, exactly <paramref name="edges"/>.</summary>
    private async Task<ConcurrencyConflictException> SaveEdgeBesideANewContactAsync(TStore store, Referral edge, params (ContactId Referee, ContactId Referrer)[] edges)
    {
        var version = await store.GetGraphVersionAsync(TenantA, CancellationToken.None).ConfigureAwait(false);
        var bystander = await NewContactAsync(TenantA, "bystander@example.com").ConfigureAwait(false);

        var act = async () => await SaveAsync(store, TenantA, new ContactChangeSet
        {
            Created = [bystander],
            ReferralsAdded = [edge],
            VersionChecks = [ContactChangeSet.ReferralGraphCheck(version)],
        }).ConfigureAwait(false);

        var conflict = (await act.Should().ThrowAsync<ConcurrencyConflictException>().ConfigureAwait(false)).Which;
        conflict.Entity.Should().Be("referral");
        (await store.FindByIdAsync(TenantA, bystander.Id, CancellationToken.None).ConfigureAwait(false)).Should().BeNull("nothing of a refused change set is written");
        (await store.GetGraphVersionAsync(TenantA, CancellationToken.None).ConfigureAwait(false)).Should().Be(version);
        var all = await ToListAsync(store.GetAllReferralsAsync(TenantA, CancellationToken.None)).ConfigureAwait(false);
        all.Select(r => (r.RefereeId, r.ReferrerId)).Should().BeEquivalentTo(edges);
        return conflict;
    }

    /// <summary>A cancelled token stops the referral reads with <see cref="OperationCanceledException"/>.</summary>
    [Fact]
    public async Task A_cancelled_token_stops_the_referral_reads()
    {
        var store = CreateStore();
        var (a, b, _) = await ThreeContactsAsync(store).ConfigureAwait(false);
        await CreateReferralManager(store).RecordReferralAsync(TenantA, refereeId: b, referrerId: a).ConfigureAwait(false);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync().ConfigureAwait(false);

        await FluentActions.Awaiting(async () => await store.GetGraphVersionAsync(TenantA, cancelled.Token).ConfigureAwait(false)).Should().ThrowAsync<OperationCanceledException>().ConfigureAwait(false);
        await FluentActions.Awaiting(async () => await store.GetChainAsync(TenantA, b, cancelled.Token).ConfigureAwait(false)).Should().ThrowAsync<OperationCanceledException>().ConfigureAwait(false);
        await FluentActions.Awaiting(async () => await store.FindReferralAsync(TenantA, b, cancelled.Token).ConfigureAwait(false)).Should().ThrowAsync<OperationCanceledException>().ConfigureAwait(false);
        await FluentActions.Awaiting(() => ToListAsync(store.GetDownlineAsync(TenantA, a, 10, cancelled.Token))).Should().ThrowAsync<OperationCanceledException>().ConfigureAwait(false);
        await FluentActions.Awaiting(() => ToListAsync(store.GetAllReferralsAsync(TenantA, cancelled.Token))).Should().ThrowAsync<OperationCanceledException>().ConfigureAwait(false);
    }

    private async Task<(ContactId A, ContactId B, ContactId C)> ThreeContactsAsync(TStore store)
    {
        var manager = CreateManager(store);
        var a = await manager.CreateAsync(TenantA, Draft("a@example.com", "Ada")).ConfigureAwait(false);
        var b = await manager.CreateAsync(TenantA, Draft("b@example.com", "Björn")).ConfigureAwait(false);
        var c = await manager.CreateAsync(TenantA, Draft("c@example.com", "Chen")).ConfigureAwait(false);
        return (a.Id, b.Id, c.Id);
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items.ConfigureAwait(false))
        {
            list.Add(item);
        }

        return list;
    }
}
