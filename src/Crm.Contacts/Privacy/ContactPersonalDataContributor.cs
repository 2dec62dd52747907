using System.Text.Json;
using Crm.Contacts.Serialization;
using Crm.Contacts.Storage;
using Crm.Privacy;
using Crm.Storage;
using NodaTime;

namespace Crm.Contacts.Privacy;

/// <summary>The contacts package's <see cref="IPersonalDataContributor"/>: the contact record, its referral edges and the referral requests made to it.</summary>
/// <remarks>
/// <para>Export (section <c>contacts</c>): every field of the contact — status, dates, origin, acquisition, name,
/// emails, phones, birthday, birthplace, language, time zone, tags, custom attributes, the consent history with its
/// evidence and the derived consent states, the lifecycle log — and, when the store implements
/// <see cref="IReferralStore"/>, who referred the contact, whom it referred directly (ids and instants) and the
/// referral requests made to it.</para>
/// <para>Erasure writes one change set: the record stays, with <see cref="Contact.Status"/> =
/// <see cref="ContactStatus.Erased"/>, and loses every personal value (see <c>docs/privacy.md</c> for the list of
/// what is kept). Referral edges and requests hold ids, instants, outcomes and host-defined channel codes only and are
/// kept, so referral metrics stay true. A contact already erased is left as it is.</para>
/// <para><see cref="PersonalDataManager"/> always runs this contributor first; it throws
/// <see cref="ContactNotFoundException"/> for an unknown contact, which stops the whole export or erasure.</para>
/// </remarks>
public sealed class ContactPersonalDataContributor : IPersonalDataContributor
{
    /// <summary>The section name, <c>contacts</c>.</summary>
    public const string SectionName = "contacts";

    private const int MaxConflictRetries = 3;

    private readonly IContactStore _store;
    private readonly IClock _clock;

    /// <summary>Creates the contributor.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public ContactPersonalDataContributor(IContactStore store, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(clock);
        _store = store;
        _clock = clock;
    }

    /// <inheritdoc />
    public string Name => SectionName;

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The tenant or id is empty.</exception>
    /// <exception cref="ContactNotFoundException">No such contact in the tenant.</exception>
    /// <exception cref="InvalidOperationException">The store returned a record of another tenant or contact.</exception>
    public async ValueTask<JsonElement?> ExportAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken)
    {
        var contact = await LoadAsync(tenantId, contactId, cancellationToken).ConfigureAwait(false);
        var referrals = _store is IReferralStore referralStore
            ? await ReadReferralsAsync(referralStore, tenantId, contactId, cancellationToken).ConfigureAwait(false)
            : null;
        var section = ContactExportMapper.ToSection(contact, referrals);
        return JsonSerializer.SerializeToElement(section, ContactsJsonContext.Configured.ContactSectionDto);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The tenant or id is empty.</exception>
    /// <exception cref="ContactNotFoundException">No such contact in the tenant.</exception>
    /// <exception cref="ConcurrencyConflictException">The contact kept changing during the erasure; nothing was written.</exception>
    /// <exception cref="InvalidOperationException">The store returned a record of another tenant or contact.</exception>
    public async ValueTask<PersonalDataEraseResult> EraseAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken)
        => (await EraseContactAsync(tenantId, contactId, null, cancellationToken).ConfigureAwait(false)).Result;

    /// <summary>Erases the contact record; with <paramref name="expectedStamp"/>, only if the contact still has it (unless already erased).</summary>
    internal async ValueTask<ContactErasureOutcome> EraseContactAsync(TenantId tenantId, ContactId contactId, ConcurrencyStamp? expectedStamp, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await LoadAsync(tenantId, contactId, cancellationToken).ConfigureAwait(false);
            if (current.Status == ContactStatus.Erased)
            {
                return new ContactErasureOutcome(PersonalDataEraseResult.Nothing, current.StatusChangedAt ?? current.UpdatedAt, WasAlreadyErased: true);
            }

            if (expectedStamp is { } expected && current.ConcurrencyStamp != expected)
            {
                throw new ConcurrencyConflictException("contact", contactId.ToString());
            }

            var now = _clock.GetCurrentInstant();
            var (erased, items) = ContactErasure.Erase(current, now);
            var versioned = erased.WithNewVersion(now);
            try
            {
                var changes = new ContactChangeSet { Updated = [new ContactUpdate(versioned, current.ConcurrencyStamp)] };
                await _store.SaveAsync(tenantId, changes, cancellationToken).ConfigureAwait(false);
                return new ContactErasureOutcome(new PersonalDataEraseResult(items), now, WasAlreadyErased: false);
            }
            catch (ConcurrencyConflictException) when (expectedStamp is null && attempt < MaxConflictRetries)
            {
                // Someone changed the contact in between; erasure does not depend on what they wrote: read again.
            }
        }
    }

    private async ValueTask<Contact> LoadAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ContactId.ThrowIfEmpty(contactId);
        var contact = await _store.FindByIdAsync(tenantId, contactId, cancellationToken).ConfigureAwait(false)
            ?? throw new ContactNotFoundException(contactId);
        if (contact.TenantId != tenantId || contact.Id != contactId)
        {
            throw new InvalidOperationException($"The contact store returned another record when asked for contact '{contactId}' of tenant '{tenantId}'; refusing to use it.");
        }

        return contact;
    }

    private static async ValueTask<ReferralFactsDto> ReadReferralsAsync(IReferralStore store, TenantId tenantId, ContactId contactId, CancellationToken cancellationToken)
    {
        var referredBy = await store.FindReferralAsync(tenantId, contactId, cancellationToken).ConfigureAwait(false);
        var referred = new List<ReferralEdgeDto>();
        await foreach (var entry in store.GetDownlineAsync(tenantId, contactId, 1, cancellationToken).ConfigureAwait(false))
        {
            if (entry.Depth != 1 || entry.ReferrerId != contactId)
            {
                continue;
            }

            var edge = await store.FindReferralAsync(tenantId, entry.ContactId, cancellationToken).ConfigureAwait(false);
            if (edge is not null && edge.ReferrerId == contactId)
            {
                referred.Add(ContactExportMapper.ToEdge(entry.ContactId, edge));
            }
        }

        var requests = await store.GetReferralRequestsAsync(tenantId, contactId, cancellationToken).ConfigureAwait(false);
        return new ReferralFactsDto
        {
            ReferredBy = referredBy is not null && referredBy.RefereeId == contactId ? ContactExportMapper.ToEdge(referredBy.ReferrerId, referredBy) : null,
            Referred = referred,
            Requests = requests.Where(r => r.ContactId == contactId).Select(ContactExportMapper.ToRequest).ToList(),
        };
    }
}

/// <summary>The result of erasing the contact record, with what the manager needs beyond <see cref="PersonalDataEraseResult"/>.</summary>
internal sealed record ContactErasureOutcome(PersonalDataEraseResult Result, Instant ErasedAt, bool WasAlreadyErased);
