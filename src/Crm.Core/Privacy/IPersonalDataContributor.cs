using System.Text.Json;

namespace Crm.Privacy;

/// <summary>Contributes one section to a contact's personal-data export and erases what its package holds about the contact.</summary>
/// <remarks>
/// <para>Every package that stores data about a contact (and the host, for its own tables) registers one contributor
/// (<c>builder.AddPersonalDataContributor&lt;T&gt;()</c>); <c>Crm.Contacts.Privacy.PersonalDataManager</c> calls all of them for an
/// export (GDPR Art. 15 and 20) and for an erasure (Art. 17). The contacts package's own contributor,
/// <c>ContactPersonalDataContributor</c>, always runs first: it fails the call with
/// <c>ContactNotFoundException</c> when the tenant has no such contact, so the others are only asked about contacts
/// that exist.</para>
/// <para>Rules for implementers: stay inside the tenant; <see cref="EraseAsync"/> must be idempotent (it is retried
/// after a partial failure and may find nothing left); keep non-personal facts a business must keep (amounts of past
/// orders, points ledgers) but drop what identifies or describes the person; never log, publish or throw the values.</para>
/// </remarks>
public interface IPersonalDataContributor
{
    /// <summary>The section key in the export document (1–64 ASCII letters, digits, '-', '_' or '.', starting with a lower-case letter, e.g. <c>loyalty</c>); unique among contributors.</summary>
    string Name { get; }

    /// <summary>Returns everything this contributor holds about the contact as one JSON value, or <see langword="null"/> when it holds nothing.</summary>
    /// <remarks>
    /// Serialize with the package's own source-generated <c>JsonSerializerContext</c>, e.g.
    /// <c>JsonSerializer.SerializeToElement(dto, MyJsonContext.Default.MyDto)</c>. Use camelCase names, enums as strings
    /// and NodaTime's ISO formats, like the rest of the document. The element must still be readable when returned: clone
    /// an element of a <see cref="JsonDocument"/> you dispose (<see cref="JsonElement.Clone"/>).
    /// </remarks>
    ValueTask<JsonElement?> ExportAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken);

    /// <summary>Erases the personal data this contributor holds about the contact and says what it erased.</summary>
    /// <remarks>Return <see cref="PersonalDataEraseResult.Nothing"/> when nothing was (or is any longer) held.</remarks>
    ValueTask<PersonalDataEraseResult> EraseAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken);
}
