using Crm.Contacts.Storage;
using NodaTime;

namespace Crm.Contacts;

/// <summary>A customer profile: an immutable snapshot of one contact in one tenant.</summary>
/// <remarks>
/// Contacts are changed through <c>ContactManager</c>, which produces a new snapshot with a new
/// <see cref="ConcurrencyStamp"/> and stores it only if nobody else changed the contact in between.
/// </remarks>
public sealed class Contact
{
    internal Contact(TenantId tenantId, ContactId id, ConcurrencyStamp concurrencyStamp, Instant createdAt)
    {
        TenantId = tenantId;
        Id = id;
        ConcurrencyStamp = concurrencyStamp;
        CreatedAt = createdAt;
    }

    /// <summary>The tenant that owns the contact.</summary>
    public TenantId TenantId { get; }

    /// <summary>The contact's id, unique within its tenant.</summary>
    public ContactId Id { get; }

    /// <summary>The version of this snapshot; it changes on every write.</summary>
    public ConcurrencyStamp ConcurrencyStamp { get; }

    /// <summary>When the contact was created.</summary>
    public Instant CreatedAt { get; }
}
