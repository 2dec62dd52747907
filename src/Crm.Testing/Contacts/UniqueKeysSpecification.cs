using Crm.Contacts;
using Crm.Contacts.Duplicates;
using Crm.Contacts.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Crm.Testing.Contacts;

/// <summary>
/// The unique-key capability (<see cref="IContactUniqueKeys"/>) of a contact store: a duplicate key claim held by another
/// active contact refuses the change set, and creating one person from many parallel callers with duplicate checking
/// <see cref="DuplicateCreateAction.Reject"/> leaves exactly one contact.
/// </summary>
/// <typeparam name="TStore">The store under test; it must enforce duplicate key claims and index duplicate keys (the duplicate check needs both).</typeparam>
public abstract class UniqueKeysSpecification<TStore> : ContactSpecificationBase<TStore>
    where TStore : class, IContactStore, IContactUniqueKeys, IContactDuplicateIndex
{
    /// <summary>How many callers create the same person at once.</summary>
    protected const int ParallelCreates = 20;

    /// <summary>A store under test enforces claims (a store that can turn it off must have it on in a new store).</summary>
    [Fact]
    public void A_new_store_enforces_duplicate_key_claims()
        => CreateStore().EnforcesDuplicateKeyClaims.Should().BeTrue();

    /// <summary>A create whose claim is held by another active contact conflicts (entity <c>duplicate key</c>, id the created contact) and writes nothing.</summary>
    [Fact]
    public async Task A_claim_held_by_another_active_contact_refuses_the_create()
    {
        var store = CreateStore();
        var holder = await NewContactAsync(TenantA, "taken@example.com").ConfigureAwait(false);
        await SaveAsync(store, TenantA, new ContactChangeSet { Created = [holder] }).ConfigureAwait(false);
        var claimant = await NewContactAsync(TenantA, "Taken@Example.com").ConfigureAwait(false);

        var act = async () => await SaveAsync(store, TenantA, new ContactChangeSet
        {
            Created = [claimant],
            DuplicateKeyClaims = [new DuplicateKeyClaim(claimant.Id, DuplicateKeys.For(claimant, DuplicateCriterion.Email), 0)],
            IdempotencyKeys = [new ContactIdempotencyKey("claimed", claimant.Id, claimant.CreatedAt)],
        }).ConfigureAwait(false);

        var conflict = (await act.Should().ThrowAsync<ConcurrencyConflictException>().ConfigureAwait(false)).Which;
        conflict.Entity.Should().Be("duplicate key");
        conflict.Id.Should().Be(claimant.Id.ToString());
        (await store.FindByIdAsync(TenantA, claimant.Id, CancellationToken.None).ConfigureAwait(false)).Should().BeNull();
        (await store.FindIdByIdempotencyKeyAsync(TenantA, "claimed", CancellationToken.None).ConfigureAwait(false)).Should().BeNull();
    }

    /// <summary>A claim outlives updates of its holder for as long as the holder keeps every key of it, and is freed once the holder gives a key up: a create claiming the same keys conflicts after an unrelated update, and passes after the holder changed its address.</summary>
    [Fact]
    public async Task A_claim_holds_across_updates_while_its_holder_keeps_the_keys()
    {
        var store = CreateStore();
        var holder = await NewContactAsync(TenantA, "kept@example.com").ConfigureAwait(false);
        await SaveAsync(store, TenantA, Claiming(holder)).ConfigureAwait(false);
        var tagged = await ChangedAsync(holder, "loyal").ConfigureAwait(false);
        await SaveAsync(store, TenantA, new ContactChangeSet { Updated = [new ContactUpdate(tagged, holder.ConcurrencyStamp)] }).ConfigureAwait(false);

        var early = await NewContactAsync(TenantA, "KEPT@example.com").ConfigureAwait(false);
        var refused = async () => await SaveAsync(store, TenantA, Claiming(early)).ConfigureAwait(false);
        (await refused.Should().ThrowAsync<ConcurrencyConflictException>().ConfigureAwait(false)).Which.Entity.Should().Be("duplicate key");

        var moved = await EditedAsync(tagged, e =>
        {
            e.AddEmail("moved@example.com", makePrimary: true);
            e.RemoveEmail("kept@example.com");
        }).ConfigureAwait(false);
        await SaveAsync(store, TenantA, new ContactChangeSet { Updated = [new ContactUpdate(moved, tagged.ConcurrencyStamp)] }).ConfigureAwait(false);
        var late = await NewContactAsync(TenantA, "kept@example.com").ConfigureAwait(false);
        await SaveAsync(store, TenantA, Claiming(late)).ConfigureAwait(false);

        (await store.FindByIdAsync(TenantA, late.Id, CancellationToken.None).ConfigureAwait(false)).Should().NotBeNull("the holder gave the address up, so its claim on it was freed");
    }

    /// <summary>A claim held only in another tenant passes: claims are per tenant.</summary>
    [Fact]
    public async Task A_claim_nobody_else_holds_passes()
    {
        var store = CreateStore();
        var elsewhere = await NewContactAsync(TenantB, "same@example.com").ConfigureAwait(false);
        await SaveAsync(store, TenantB, new ContactChangeSet { Created = [elsewhere] }).ConfigureAwait(false);
        var claimant = await NewContactAsync(TenantA, "same@example.com").ConfigureAwait(false);

        await SaveAsync(store, TenantA, new ContactChangeSet
        {
            Created = [claimant],
            DuplicateKeyClaims = [new DuplicateKeyClaim(claimant.Id, DuplicateKeys.For(claimant, DuplicateCriterion.Email), 0)],
        }).ConfigureAwait(false);

        (await store.FindByIdAsync(TenantA, claimant.Id, CancellationToken.None).ConfigureAwait(false)).Should().NotBeNull();
    }

    /// <summary><see cref="ParallelCreates"/> parallel creates of the same e-mail through <see cref="ContactManager"/> with <see cref="DuplicateCreateAction.Reject"/>, all held at the store's door until every one has passed its duplicate check (the worst interleaving, made deterministic): exactly one succeeds, every other is refused with <see cref="DuplicateContactException"/> naming the winner, and the store holds one contact.</summary>
    [Fact]
    public async Task Of_parallel_creates_of_one_person_with_reject_exactly_one_survives()
    {
        var store = CreateStore();
        var options = Options.Create(WithReject(CreateOptions(store)));
        var held = new SaveBarrier(store, ParallelCreates);
        var detector = new DuplicateDetector(held, Clock, NullLogger<DuplicateDetector>.Instance, options);
        var manager = new ContactManager(held, Clock, EventIds, NullLogger<ContactManager>.Instance, options, detector);
        var outcomes = await Task.WhenAll(Enumerable.Range(0, ParallelCreates).Select(i => Task.Run(async () =>
        {
            try
            {
                return (Created: (Contact?)await manager.CreateAsync(TenantA, Draft("race@example.com", $"Racer {i}")).ConfigureAwait(false), Refused: (DuplicateContactException?)null);
            }
            catch (DuplicateContactException e)
            {
                return (Created: null, Refused: e);
            }
        }))).ConfigureAwait(false);

        var winners = outcomes.Where(o => o.Created is not null).Select(o => o.Created!).ToList();
        winners.Should().ContainSingle();
        outcomes.Count(o => o.Refused is not null).Should().Be(ParallelCreates - 1);
        outcomes.Where(o => o.Refused is not null).Should().AllSatisfy(o => o.Refused!.ExistingContactIds.Should().Equal(winners[0].Id));
        (await ListAllAsync(store, TenantA).ConfigureAwait(false)).Select(c => c.Id).Should().Equal(winners[0].Id);
    }

    private static ContactChangeSet Claiming(Contact contact)
        => new() { Created = [contact], DuplicateKeyClaims = [new DuplicateKeyClaim(contact.Id, DuplicateKeys.For(contact, DuplicateCriterion.Email), 0)] };

    /// <summary>The options with duplicate detection on and <see cref="DuplicateCreateAction.Reject"/> on create.</summary>
    protected static ContactOptions WithReject(ContactOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Duplicates.Enabled = true;
        options.Duplicates.OnCreate = DuplicateCreateAction.Reject;
        return options;
    }

    /// <summary>The store under test with every save held until <paramref name="parties"/> saves have arrived (or a safety timeout passed); everything else forwarded.</summary>
    private sealed class SaveBarrier(TStore inner, int parties) : IContactStore, IContactUniqueKeys, IContactDuplicateIndex
    {
        private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _arrived;

        public bool EnforcesDuplicateKeyClaims => inner.EnforcesDuplicateKeyClaims;

        public ValueTask<Contact?> FindByIdAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken) => inner.FindByIdAsync(tenantId, contactId, cancellationToken);

        public ValueTask<Crm.Storage.Page<Contact>> ListAsync(TenantId tenantId, Crm.Storage.PageRequest page, CancellationToken cancellationToken) => inner.ListAsync(tenantId, page, cancellationToken);

        public ValueTask<ContactId?> FindIdByIdempotencyKeyAsync(TenantId tenantId, string key, CancellationToken cancellationToken) => inner.FindIdByIdempotencyKeyAsync(tenantId, key, cancellationToken);

        public ValueTask<IReadOnlyList<DuplicateKeyMatch>> FindByDuplicateKeysAsync(TenantId tenantId, IReadOnlyCollection<DuplicateKey> keys, int limitPerKey, CancellationToken cancellationToken)
            => inner.FindByDuplicateKeysAsync(tenantId, keys, limitPerKey, cancellationToken);

        public async ValueTask SaveAsync(TenantId tenantId, ContactChangeSet changes, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _arrived) >= parties)
            {
                _all.TrySetResult();
            }

            try
            {
                await _all.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // Not every caller reached its save (one was refused before): let the rest go rather than hang.
            }

            await inner.SaveAsync(tenantId, changes, cancellationToken).ConfigureAwait(false);
        }
    }
}
