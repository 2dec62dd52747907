using Crm.Contacts.Referrals;
using Crm.Contacts.Storage;
using Crm.Contacts.Tests.TestSupport;
using Crm.Outbox;
using Crm.Storage;
using Crm.Testing.Contacts;
using NodaTime;
using Xunit.Sdk;

namespace Crm.Contacts.Tests.Storage;

/// <summary>
/// The specifications of the newer parts of the contract have teeth: read guards, named counters, referral conflicts at
/// the store, batched referral reads, duplicate key claims, the idempotency-key purge, the analytics capability and
/// outbox delivery. Each broken store below gets one of them wrong, and the test guarding it fails. (The specification
/// subclasses are private, so xunit does not run them on their own.)
/// </summary>
public sealed class CapabilitySpecificationSensitivityTests
{
    [Fact]
    public async Task A_store_that_ignores_read_guards_fails_the_read_guard_test()
    {
        var spec = new ContactSpec(() => new DropsReadGuards());
        await FluentActions.Awaiting(spec.A_read_guard_on_a_contact_changed_since_conflicts_and_writes_nothing).Should().ThrowAsync<XunitException>();
    }

    [Fact]
    public async Task A_store_whose_counters_always_read_zero_fails_the_counter_read_test()
    {
        var spec = new CounterSpec<CountersReadZero>();
        await FluentActions.Awaiting(spec.A_counter_reads_what_change_sets_made_of_it).Should().ThrowAsync<XunitException>();
    }

    [Fact]
    public async Task A_store_that_accepts_edges_without_the_graph_counter_fails_the_malformed_change_set_test()
    {
        var spec = new ReferralSpec<AdvancesTheGraphItself>();
        await FluentActions.Awaiting(spec.Edges_changed_without_advancing_the_graph_counter_are_refused).Should().ThrowAsync<XunitException>();
    }

    [Fact]
    public async Task A_store_that_reports_a_second_referrer_as_another_error_fails_the_conflict_tests()
    {
        var spec = new ReferralSpec<ReferralConflictsAsInvalidOperation>();
        await FluentActions.Awaiting(spec.A_second_referrer_reaching_the_store_conflicts_and_writes_nothing).Should().ThrowAsync<XunitException>();
        await FluentActions.Awaiting(spec.A_cycle_reaching_the_store_conflicts_and_writes_nothing).Should().ThrowAsync<XunitException>();
    }

    [Fact]
    public async Task A_store_that_returns_referrals_by_referrers_in_id_order_fails_the_order_test()
    {
        var spec = new ReferralSpec<ReferralsByReferrersInIdOrder>();
        await FluentActions.Awaiting(spec.Referrals_by_referrers_come_per_referrer_in_the_order_given_then_as_recorded).Should().ThrowAsync<XunitException>();
    }

    [Fact]
    public async Task A_store_that_ignores_duplicate_key_claims_fails_the_claim_tests()
    {
        var spec = new UniqueKeysSpec<IgnoresClaims>();
        await FluentActions.Awaiting(spec.A_claim_held_by_another_active_contact_refuses_the_create).Should().ThrowAsync<XunitException>();
        await FluentActions.Awaiting(spec.Of_parallel_creates_of_one_person_with_reject_exactly_one_survives).Should().ThrowAsync<XunitException>();
    }

    [Fact]
    public async Task A_bulk_insert_that_drops_the_events_fails_the_event_test()
    {
        var spec = new BulkSpec<BulkWithoutEvents>();
        await FluentActions.Awaiting(spec.Bulk_inserted_contacts_have_their_events_in_the_outbox).Should().ThrowAsync<XunitException>();
    }

    [Fact]
    public async Task A_bulk_insert_that_writes_contact_by_contact_fails_the_all_or_nothing_tests()
    {
        var spec = new BulkSpec<BulkOneByOne>();
        await FluentActions.Awaiting(spec.A_bulk_insert_with_a_stored_id_conflicts_and_writes_nothing).Should().ThrowAsync<XunitException>();
        await FluentActions.Awaiting(spec.A_bulk_insert_with_a_held_claim_conflicts_and_writes_nothing).Should().ThrowAsync<XunitException>();
    }

    [Fact]
    public async Task A_bulk_insert_that_applies_any_change_set_fails_the_create_only_test()
    {
        var spec = new BulkSpec<BulkAcceptsAnything>();
        await FluentActions.Awaiting(spec.A_bulk_insert_refuses_a_change_set_that_does_more_than_create).Should().ThrowAsync<XunitException>();
    }

    [Fact]
    public async Task A_store_that_purges_keys_recorded_at_the_cutoff_fails_the_round_trip_test()
    {
        var spec = new PurgeSpec<PurgesAtTheCutoff>();
        await FluentActions.Awaiting(spec.The_recording_time_round_trips_to_the_tick).Should().ThrowAsync<XunitException>();
    }

    [Fact]
    public async Task A_store_that_breaks_top_referrer_ties_the_other_way_fails_the_analytics_test()
    {
        var spec = new AnalyticsSpec<TiesLargestIdFirst>();
        await FluentActions.Awaiting(() => spec.Top_referrers_equal_the_computed_ones(1)).Should().ThrowAsync<XunitException>();
    }

    [Fact]
    public async Task A_store_that_dead_letters_on_the_first_failure_fails_the_retry_test()
    {
        var spec = new DeliverySpec<DeadLettersAtOnce>();
        await FluentActions.Awaiting(spec.A_throwing_listener_is_retried_then_dead_lettered_and_the_fact_stays).Should().ThrowAsync<XunitException>();
    }

    [Fact]
    public async Task The_same_tests_pass_against_the_unbroken_stores()
    {
        await new ContactSpec(() => new Unbroken()).A_read_guard_on_a_contact_changed_since_conflicts_and_writes_nothing();
        await new CounterSpec<Unbroken>().A_counter_reads_what_change_sets_made_of_it();
        var referrals = new ReferralSpec<Unbroken>();
        await referrals.Edges_changed_without_advancing_the_graph_counter_are_refused();
        await referrals.A_second_referrer_reaching_the_store_conflicts_and_writes_nothing();
        await referrals.Referrals_by_referrers_come_per_referrer_in_the_order_given_then_as_recorded();
        await new UniqueKeysSpec<Unbroken>().A_claim_held_by_another_active_contact_refuses_the_create();
        await new PurgeSpec<Unbroken>().The_recording_time_round_trips_to_the_tick();
        await new AnalyticsSpec<QueryingReferralStore>().Top_referrers_equal_the_computed_ones(1);
        await new DeliverySpec<Unbroken>().A_throwing_listener_is_retried_then_dead_lettered_and_the_fact_stays();
        await new BulkSpec<Unbroken>().Bulk_inserted_contacts_have_their_events_in_the_outbox();
        await new BulkSpec<Unbroken>().A_bulk_insert_with_a_stored_id_conflicts_and_writes_nothing();
        await new BulkSpec<Unbroken>().A_bulk_insert_with_a_held_claim_conflicts_and_writes_nothing();
        await new BulkSpec<Unbroken>().A_bulk_insert_refuses_a_change_set_that_does_more_than_create();
    }

    private sealed class ContactSpec(Func<IContactStore> create) : ContactStoreSpecification
    {
        protected override IContactStore CreateStore() => create();
    }

    private sealed class CounterSpec<TStore> : VersionCounterStoreSpecification<TStore>
        where TStore : ForwardingStore, new()
    {
        protected override TStore CreateStore() => new();
    }

    private sealed class ReferralSpec<TStore> : ReferralStoreSpecification<TStore>
        where TStore : ForwardingStore, new()
    {
        protected override TStore CreateStore() => new();
    }

    private sealed class UniqueKeysSpec<TStore> : UniqueKeysSpecification<TStore>
        where TStore : ForwardingStore, new()
    {
        protected override TStore CreateStore() => new();
    }

    private sealed class BulkSpec<TStore> : BulkInsertSpecification<TStore>
        where TStore : ForwardingStore, new()
    {
        protected override TStore CreateStore() => new();
    }

    private sealed class PurgeSpec<TStore> : IdempotencyKeyPurgeSpecification<TStore>
        where TStore : ForwardingStore, new()
    {
        protected override TStore CreateStore() => new();
    }

    private sealed class AnalyticsSpec<TStore> : ReferralAnalyticsSpecification<TStore>
        where TStore : QueryingReferralStore, new()
    {
        protected override TStore CreateStore() => new();
    }

    private sealed class DeliverySpec<TStore> : OutboxDeliverySpecification<TStore>
        where TStore : ForwardingStore, new()
    {
        protected override TStore CreateStore() => new();
    }

    private sealed class Unbroken : ForwardingStore;

    /// <summary>Writes without checking the contacts the change set only read.</summary>
    private sealed class DropsReadGuards : ForwardingStore
    {
        public override ValueTask SaveAsync(TenantId tenantId, ContactChangeSet changes, CancellationToken cancellationToken)
            => Inner.SaveAsync(tenantId, Copy(changes, read: []), cancellationToken);
    }

    /// <summary>Checks counters on save but reads every one as 0 (a query against the wrong table).</summary>
    private sealed class CountersReadZero : ForwardingStore
    {
        public override ValueTask<long> GetVersionAsync(TenantId tenantId, string counter, CancellationToken cancellationToken) => ValueTask.FromResult(0L);
    }

    /// <summary>Lenient where it must refuse: a change set that alters edges without advancing the graph counter gets the advance added.</summary>
    private sealed class AdvancesTheGraphItself : ForwardingStore
    {
        public override async ValueTask SaveAsync(TenantId tenantId, ContactChangeSet changes, CancellationToken cancellationToken)
        {
            if ((changes.ReferralsAdded.Count > 0 || changes.ReferralsRemoved.Count > 0)
                && !changes.VersionChecks.Any(c => c.Counter == ContactChangeSet.ReferralGraphCounter && c.Advance))
            {
                var version = await Inner.GetGraphVersionAsync(tenantId, cancellationToken);
                var checks = changes.VersionChecks.Where(c => c.Counter != ContactChangeSet.ReferralGraphCounter).Append(ContactChangeSet.ReferralGraphCheck(version)).ToList();
                changes = Copy(changes, checks: checks);
            }

            await Inner.SaveAsync(tenantId, changes, cancellationToken);
        }
    }

    /// <summary>Reports a second referrer or a cycle as a non-retryable error instead of a conflict.</summary>
    private sealed class ReferralConflictsAsInvalidOperation : ForwardingStore
    {
        public override async ValueTask SaveAsync(TenantId tenantId, ContactChangeSet changes, CancellationToken cancellationToken)
        {
            try
            {
                await Inner.SaveAsync(tenantId, changes, cancellationToken);
            }
            catch (ConcurrencyConflictException e) when (e.Entity == "referral")
            {
                throw new InvalidOperationException("unique constraint violated", e);
            }
        }
    }

    /// <summary>Answers the batched read with ORDER BY referrer, referee instead of the documented order.</summary>
    private sealed class ReferralsByReferrersInIdOrder : ForwardingStore
    {
        public override async ValueTask<IReadOnlyList<Referral>> GetReferralsByReferrersAsync(TenantId tenantId, IReadOnlyCollection<ContactId> referrerIds, CancellationToken cancellationToken)
            => [.. (await base.GetReferralsByReferrersAsync(tenantId, referrerIds, cancellationToken)).OrderBy(r => r.ReferrerId).ThenBy(r => r.RefereeId)];
    }

    /// <summary>Claims to enforce duplicate key claims but drops them.</summary>
    private sealed class IgnoresClaims : ForwardingStore
    {
        public override ValueTask SaveAsync(TenantId tenantId, ContactChangeSet changes, CancellationToken cancellationToken)
            => Inner.SaveAsync(tenantId, Copy(changes, claims: []), cancellationToken);
    }

    /// <summary>Writes the bulk insert's contacts but not its events.</summary>
    private sealed class BulkWithoutEvents : ForwardingStore
    {
        public override ValueTask BulkInsertAsync(TenantId tenantId, ContactChangeSet changes, CancellationToken cancellationToken)
            => Inner.BulkInsertAsync(tenantId, Copy(changes, events: []), cancellationToken);
    }

    /// <summary>Writes a bulk insert one contact at a time (with its keys, claims and events), so a conflict leaves the earlier ones.</summary>
    private sealed class BulkOneByOne : ForwardingStore
    {
        public override async ValueTask BulkInsertAsync(TenantId tenantId, ContactChangeSet changes, CancellationToken cancellationToken)
        {
            foreach (var (contact, i) in changes.Created.Select((c, i) => (c, i)))
            {
                await Inner.SaveAsync(tenantId, new ContactChangeSet
                {
                    Created = [contact],
                    IdempotencyKeys = [.. changes.IdempotencyKeys.Where(k => k.ContactId == contact.Id)],
                    DuplicateKeyClaims = [.. changes.DuplicateKeyClaims.Where(c => c.ContactId == contact.Id)],
                    Events = changes.Events.Count == changes.Created.Count ? [changes.Events[i]] : [],
                }, cancellationToken);
            }
        }
    }

    /// <summary>Applies whatever change set a bulk insert is given, updates included.</summary>
    private sealed class BulkAcceptsAnything : ForwardingStore
    {
        public override ValueTask BulkInsertAsync(TenantId tenantId, ContactChangeSet changes, CancellationToken cancellationToken)
            => Inner.SaveAsync(tenantId, changes, cancellationToken);
    }

    /// <summary>Purges with <c>recorded_at &lt;= @before</c> (or stores the time truncated): a key recorded exactly at the cutoff goes too.</summary>
    private sealed class PurgesAtTheCutoff : ForwardingStore
    {
        public override ValueTask<int> PurgeIdempotencyKeysAsync(TenantId tenantId, Instant recordedBefore, CancellationToken cancellationToken)
            => Inner.PurgeIdempotencyKeysAsync(tenantId, recordedBefore + Duration.Epsilon, cancellationToken);
    }

    /// <summary>Orders tied top referrers by descending id.</summary>
    private sealed class TiesLargestIdFirst : QueryingReferralStore
    {
        public override async ValueTask<IReadOnlyList<TopReferrer>> GetTopReferrersAsync(TenantId tenantId, Interval interval, int top, CancellationToken cancellationToken)
            => [.. (await base.GetTopReferrersAsync(tenantId, interval, top, cancellationToken)).OrderByDescending(t => t.Referrals).ThenByDescending(t => t.ReferrerId)];
    }

    /// <summary>Loses the retry time of a failed delivery: every failure is final.</summary>
    private sealed class DeadLettersAtOnce : ForwardingStore
    {
        public override ValueTask<bool> FailAsync(OutboxLease lease, string error, Instant? retryAt, CancellationToken cancellationToken)
            => Inner.FailAsync(lease, error, null, cancellationToken);
    }
}
