using Crm.Contacts;
using Crm.Contacts.Storage;
using Crm.Storage;

namespace Crm.Testing.Contacts;

/// <summary>
/// The version-counter read capability (<see cref="IVersionCounterStore"/>) of a contact store: a counter reads what
/// change sets made of it, 0 when never advanced, per tenant, and the referral graph counter reads the same through both
/// <see cref="IVersionCounterStore.GetVersionAsync"/> and <see cref="IReferralStore.GetGraphVersionAsync"/>.
/// </summary>
/// <typeparam name="TStore">The store under test; it must implement the counter read capability.</typeparam>
public abstract class VersionCounterStoreSpecification<TStore> : ContactSpecificationBase<TStore>
    where TStore : class, IContactStore, IVersionCounterStore
{
    /// <summary>A counter never advanced reads 0; each advancing change set moves it on by one; a check-only one leaves it.</summary>
    [Fact]
    public async Task A_counter_reads_what_change_sets_made_of_it()
    {
        var store = CreateStore();
        const string counter = "spec.counter:read";
        (await ReadAsync(store, TenantA, counter).ConfigureAwait(false)).Should().Be(0);

        await SaveAsync(store, TenantA, new ContactChangeSet { VersionChecks = [new VersionCheck(counter, 0, advance: true)] }).ConfigureAwait(false);
        await SaveAsync(store, TenantA, new ContactChangeSet { VersionChecks = [new VersionCheck(counter, 1, advance: true)] }).ConfigureAwait(false);
        await SaveAsync(store, TenantA, new ContactChangeSet { VersionChecks = [new VersionCheck(counter, 2, advance: false)] }).ConfigureAwait(false);

        (await ReadAsync(store, TenantA, counter).ConfigureAwait(false)).Should().Be(2);
        (await ReadAsync(store, TenantA, "spec.counter:other").ConfigureAwait(false)).Should().Be(0);
        (await ReadAsync(store, TenantB, counter).ConfigureAwait(false)).Should().Be(0, "counters are per tenant");
    }

    /// <summary>A refused change set advances none of its counters.</summary>
    [Fact]
    public async Task A_refused_change_set_advances_no_counter()
    {
        var store = CreateStore();
        var act = async () => await SaveAsync(store, TenantA, new ContactChangeSet
        {
            VersionChecks = [new VersionCheck("spec.counter:first", 0, advance: true), new VersionCheck("spec.counter:stale", 3, advance: true)],
        }).ConfigureAwait(false);

        await act.Should().ThrowAsync<ConcurrencyConflictException>().ConfigureAwait(false);
        (await ReadAsync(store, TenantA, "spec.counter:first").ConfigureAwait(false)).Should().Be(0);
        (await ReadAsync(store, TenantA, "spec.counter:stale").ConfigureAwait(false)).Should().Be(0);
    }

    /// <summary>The counters named by the contacts package (<see cref="ContactChangeSet.ReferralGraphCounter"/>, <see cref="ContactChangeSet.ReferralRequestsCounter"/>) are ordinary counters: advanced by a change set, read back by name.</summary>
    [Fact]
    public async Task The_contacts_counters_read_back_by_name()
    {
        var store = CreateStore();
        var contactId = ContactId.New();
        var requests = ContactChangeSet.ReferralRequestsCounter(contactId);

        await SaveAsync(store, TenantA, new ContactChangeSet { VersionChecks = [ContactChangeSet.ReferralGraphCheck(0), new VersionCheck(requests, 0, advance: true)] }).ConfigureAwait(false);

        (await ReadAsync(store, TenantA, ContactChangeSet.ReferralGraphCounter).ConfigureAwait(false)).Should().Be(1);
        (await ReadAsync(store, TenantA, requests).ConfigureAwait(false)).Should().Be(1);
        (await ReadAsync(store, TenantA, ContactChangeSet.ReferralRequestsCounter(ContactId.New())).ConfigureAwait(false)).Should().Be(0);
        if (store is IReferralStore referrals)
        {
            (await referrals.GetGraphVersionAsync(TenantA, CancellationToken.None).ConfigureAwait(false)).Should().Be(1, "the graph version is the counter ContactChangeSet.ReferralGraphCounter");
        }
    }

    /// <summary>A name that breaks the naming rule of <see cref="VersionCheck"/> is rejected with <see cref="ArgumentException"/> naming <c>counter</c>.</summary>
    [Fact]
    public async Task An_invalid_counter_name_is_rejected()
    {
        var store = CreateStore();
        var act = async () => await store.GetVersionAsync(TenantA, "has space", CancellationToken.None).ConfigureAwait(false);
        (await act.Should().ThrowAsync<ArgumentException>().ConfigureAwait(false)).Which.ParamName.Should().Be("counter");
    }

    /// <summary>Reads a counter of the store under test.</summary>
    protected static ValueTask<long> ReadAsync(TStore store, TenantId tenant, string counter)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.GetVersionAsync(tenant, counter, CancellationToken.None);
    }
}
