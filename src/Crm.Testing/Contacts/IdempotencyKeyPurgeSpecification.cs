using Crm.Contacts;
using Crm.Contacts.Storage;
using NodaTime;

namespace Crm.Testing.Contacts;

/// <summary>
/// The idempotency-key purge capability (<see cref="IContactIdempotencyKeyPurge"/>) of a contact store: keys recorded
/// strictly before the cutoff go, later ones stay, only in the tenant asked, and the recording time is kept to the tick.
/// </summary>
/// <typeparam name="TStore">The store under test; it must implement the purge capability.</typeparam>
public abstract class IdempotencyKeyPurgeSpecification<TStore> : ContactSpecificationBase<TStore>
    where TStore : class, IContactStore, IContactIdempotencyKeyPurge
{
    private static readonly Instant Start = Instant.FromUtc(2025, 3, 1, 12, 0);

    /// <summary>Keys older than the cutoff are removed and counted; keys at or after it stay and still answer.</summary>
    [Fact]
    public async Task Keys_older_than_the_cutoff_are_purged_and_newer_ones_kept()
    {
        var store = CreateStore();
        var old = await RecordAsync(store, TenantA, "old-key", Start).ConfigureAwait(false);
        var older = await RecordAsync(store, TenantA, "older-key", Start - Duration.FromDays(30)).ConfigureAwait(false);
        var fresh = await RecordAsync(store, TenantA, "fresh-key", Start + Duration.FromDays(2)).ConfigureAwait(false);

        var removed = await store.PurgeIdempotencyKeysAsync(TenantA, Start + Duration.FromDays(1), CancellationToken.None).ConfigureAwait(false);

        removed.Should().Be(2);
        (await FindAsync(store, TenantA, "old-key").ConfigureAwait(false)).Should().BeNull();
        (await FindAsync(store, TenantA, "older-key").ConfigureAwait(false)).Should().BeNull();
        (await FindAsync(store, TenantA, "fresh-key").ConfigureAwait(false)).Should().Be(fresh);
        (await store.FindByIdAsync(TenantA, old, CancellationToken.None).ConfigureAwait(false)).Should().NotBeNull("a purge removes keys, never contacts");
        (await store.FindByIdAsync(TenantA, older, CancellationToken.None).ConfigureAwait(false)).Should().NotBeNull();
        (await store.PurgeIdempotencyKeysAsync(TenantA, Start + Duration.FromDays(1), CancellationToken.None).ConfigureAwait(false)).Should().Be(0);
    }

    /// <summary>A purge removes keys of the tenant asked only; the same key in another tenant stays.</summary>
    [Fact]
    public async Task A_purge_removes_keys_of_its_tenant_only()
    {
        var store = CreateStore();
        await RecordAsync(store, TenantA, "shared-key", Start).ConfigureAwait(false);
        var inB = await RecordAsync(store, TenantB, "shared-key", Start).ConfigureAwait(false);

        (await store.PurgeIdempotencyKeysAsync(TenantA, Start + Duration.FromDays(1), CancellationToken.None).ConfigureAwait(false)).Should().Be(1);

        (await FindAsync(store, TenantA, "shared-key").ConfigureAwait(false)).Should().BeNull();
        (await FindAsync(store, TenantB, "shared-key").ConfigureAwait(false)).Should().Be(inB);
    }

    /// <summary>The recording time round-trips to the tick: a cutoff equal to it keeps the key (strictly before), one tick later removes it.</summary>
    [Fact]
    public async Task The_recording_time_round_trips_to_the_tick()
    {
        var store = CreateStore();
        var at = Start + Duration.FromTicks(1_234_567);
        var id = await RecordAsync(store, TenantA, "exact-key", at).ConfigureAwait(false);

        (await store.PurgeIdempotencyKeysAsync(TenantA, at, CancellationToken.None).ConfigureAwait(false)).Should().Be(0);
        (await FindAsync(store, TenantA, "exact-key").ConfigureAwait(false)).Should().Be(id);
        (await store.PurgeIdempotencyKeysAsync(TenantA, at + Duration.FromTicks(1), CancellationToken.None).ConfigureAwait(false)).Should().Be(1);
        (await FindAsync(store, TenantA, "exact-key").ConfigureAwait(false)).Should().BeNull();
    }

    /// <summary>Through <see cref="ContactManager.PurgeIdempotencyKeysAsync"/>: a key past its retention is purged, and a repeat with it creates a new contact.</summary>
    [Fact]
    public async Task A_key_past_its_retention_is_purged_through_the_manager()
    {
        var store = CreateStore();
        var manager = CreateManager(store);
        var first = await manager.CreateAsync(TenantA, new ContactDraft { IdempotencyKey = "retained-key" }).ConfigureAwait(false);
        Clock.Advance(CreateOptions(store).IdempotencyKeyRetention + Duration.FromMinutes(1));

        (await manager.PurgeIdempotencyKeysAsync(TenantA).ConfigureAwait(false)).Should().Be(1);

        var repeat = await manager.CreateAsync(TenantA, new ContactDraft { IdempotencyKey = "retained-key" }).ConfigureAwait(false);
        repeat.Id.Should().NotBe(first.Id);
    }

    /// <summary>Writes a new contact with an idempotency key recorded at <paramref name="recordedAt"/>, and returns its id.</summary>
    protected async Task<ContactId> RecordAsync(TStore store, TenantId tenant, string key, Instant recordedAt)
    {
        var contact = await NewContactAsync(tenant, $"{key}@example.com").ConfigureAwait(false);
        await SaveAsync(store, tenant, new ContactChangeSet { Created = [contact], IdempotencyKeys = [new ContactIdempotencyKey(key, contact.Id, recordedAt)] }).ConfigureAwait(false);
        return contact.Id;
    }

    private static ValueTask<ContactId?> FindAsync(TStore store, TenantId tenant, string key) => store.FindIdByIdempotencyKeyAsync(tenant, key, CancellationToken.None);
}
