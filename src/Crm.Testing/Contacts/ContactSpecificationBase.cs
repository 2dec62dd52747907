using Crm.Contacts;
using Crm.Contacts.InMemory;
using Crm.Contacts.Merging;
using Crm.Contacts.Profile;
using Crm.Contacts.Referrals;
using Crm.Contacts.Storage;
using Crm.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime.Testing;

namespace Crm.Testing.Contacts;

/// <summary>
/// What every contacts specification class shares: the store under test made by <see cref="CreateStore"/>, a fake clock,
/// deterministic event ids, and the managers a host would use over the store.
/// </summary>
/// <typeparam name="TStore">The store under test, with the capabilities the specification needs.</typeparam>
/// <remarks>xunit makes a new instance of the test class for every test, so every test starts with a new clock, new ids and (through <see cref="CreateStore"/>) an empty store.</remarks>
public abstract class ContactSpecificationBase<TStore>
    where TStore : class, IContactStore
{
    /// <summary>The first tenant the specification writes to.</summary>
    protected static readonly TenantId TenantA = new("spec-tenant-a");

    /// <summary>A second tenant, for isolation tests.</summary>
    protected static readonly TenantId TenantB = new("spec-tenant-b");

    private ContactManager? _factory;

    /// <summary>Creates the specification with a fresh clock and event-id generator.</summary>
    protected ContactSpecificationBase()
    {
        Clock = CrmTestClock.Create();
        EventIds = new SequentialEventIdGenerator();
    }

    /// <summary>The clock the managers read; it moves one second on every read. Advance it to let leases and retries come due.</summary>
    protected FakeClock Clock { get; }

    /// <summary>The event ids the managers give their events, in order.</summary>
    protected SequentialEventIdGenerator EventIds { get; }

    /// <summary>Creates a new, empty store under test. Called once per test (sometimes more, for tests that need two stores).</summary>
    protected abstract TStore CreateStore();

    /// <summary>The contact options the managers run with; override to match the host's configuration.</summary>
    /// <param name="store">The store the managers will use: referrals are enabled only when it implements <see cref="IReferralStore"/>.</param>
    protected virtual ContactOptions CreateOptions(TStore store) => new()
    {
        DefaultPhoneRegion = "GB",
        EnableReferrals = store is IReferralStore,
    };

    /// <summary>A <see cref="ContactManager"/> over <paramref name="store"/>, as a host's DI container would build it.</summary>
    protected ContactManager CreateManager(TStore store)
        => new(store, Clock, EventIds, NullLogger<ContactManager>.Instance, Options.Create(CreateOptions(store)));

    /// <summary>A <see cref="ContactMerger"/> over <paramref name="store"/>.</summary>
    protected ContactMerger CreateMerger(TStore store)
        => new(store, Clock, EventIds, NullLogger<ContactMerger>.Instance, Options.Create(CreateOptions(store)));

    /// <summary>A <see cref="ReferralManager"/> over <paramref name="store"/>.</summary>
    /// <exception cref="InvalidOperationException">The store does not implement <see cref="IReferralStore"/>.</exception>
    protected ReferralManager CreateReferralManager(TStore store)
        => store is IReferralStore referrals
            ? new(store, referrals, Clock, EventIds, NullLogger<ReferralManager>.Instance)
            : throw new InvalidOperationException($"{store?.GetType().Name} does not implement IReferralStore.");

    /// <summary>A draft of a plain contact with one e-mail address.</summary>
    protected static ContactDraft Draft(string email = "spec@example.com", string name = "Spec Person")
        => new() { Emails = [email], Name = new PersonName(name) };

    /// <summary>A new contact snapshot of <paramref name="tenant"/>, made by a manager over a scratch in-memory store: not yet in the store under test.</summary>
    protected Task<Contact> NewContactAsync(TenantId tenant, string email = "spec@example.com")
        => Factory.CreateAsync(tenant, Draft(email));

    /// <summary>A changed copy (one tag added) of a snapshot made by <see cref="NewContactAsync"/> or an earlier <see cref="ChangedAsync"/>, with a new stamp; the expected stamp of the change is <paramref name="contact"/>'s.</summary>
    protected Task<Contact> ChangedAsync(Contact contact, string tag)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return Factory.UpdateAsync(contact.TenantId, contact.Id, contact.ConcurrencyStamp, e => e.AddTag(tag));
    }

    /// <summary>A copy of a snapshot made by <see cref="NewContactAsync"/> (or an earlier change) with <paramref name="edit"/> applied and a new stamp; the expected stamp of the change is <paramref name="contact"/>'s.</summary>
    protected Task<Contact> EditedAsync(Contact contact, Action<ContactEditor> edit)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return Factory.UpdateAsync(contact.TenantId, contact.Id, contact.ConcurrencyStamp, edit);
    }

    /// <summary>Writes a change set to the store under test.</summary>
    protected static ValueTask SaveAsync(TStore store, TenantId tenant, ContactChangeSet changes)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.SaveAsync(tenant, changes, CancellationToken.None);
    }

    /// <summary>Every contact of the tenant, read page by page from the store under test.</summary>
    protected static async Task<IReadOnlyList<Contact>> ListAllAsync(TStore store, TenantId tenant, int pageSize = PageRequest.MaxPageSize)
    {
        ArgumentNullException.ThrowIfNull(store);
        var all = new List<Contact>();
        string? cursor = null;
        do
        {
            var page = await store.ListAsync(tenant, new PageRequest(pageSize, cursor), CancellationToken.None).ConfigureAwait(false);
            all.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        return all;
    }

    private ContactManager Factory => _factory ??= new ContactManager(
        new InMemoryContactStore(), CrmTestClock.Create(), new SequentialEventIdGenerator(), NullLogger<ContactManager>.Instance,
        Options.Create(new ContactOptions { DefaultPhoneRegion = "GB" }));
}
