using NodaTime;

namespace Crm.Contacts.Privacy;

/// <summary>The outcome of <see cref="PersonalDataManager.EraseAsync"/>: when the contact record was erased and how every contributor fared.</summary>
/// <remarks>
/// The contact record itself is always erased when a report is returned (otherwise the call threw). When
/// <see cref="IsComplete"/> is <see langword="false"/>, a contributor of another package failed after that: call
/// <see cref="PersonalDataManager.EraseAsync"/> again (erasure is idempotent) until it is complete.
/// </remarks>
public sealed class PersonalDataErasureReport
{
    internal PersonalDataErasureReport(TenantId tenantId, ContactId contactId, Instant erasedAt, bool wasAlreadyErased, IReadOnlyList<PersonalDataContributorReport> contributors)
    {
        TenantId = tenantId;
        ContactId = contactId;
        ErasedAt = erasedAt;
        WasAlreadyErased = wasAlreadyErased;
        Contributors = contributors;
    }

    /// <summary>The tenant.</summary>
    public TenantId TenantId { get; }

    /// <summary>The erased contact.</summary>
    public ContactId ContactId { get; }

    /// <summary>When the contact record was erased (by this call, or by the earlier one when <see cref="WasAlreadyErased"/>).</summary>
    public Instant ErasedAt { get; }

    /// <summary>Whether the contact record had already been erased before this call, which then changed nothing in it.</summary>
    public bool WasAlreadyErased { get; }

    /// <summary>Every contributor in the order they ran, the contacts package's first.</summary>
    public IReadOnlyList<PersonalDataContributorReport> Contributors { get; }

    /// <summary>Whether every contributor succeeded.</summary>
    public bool IsComplete => Contributors.All(c => c.Succeeded);

    /// <summary>The contact, the time and whether every contributor succeeded.</summary>
    public override string ToString() => $"Erasure of contact {ContactId} in tenant {TenantId} at {ErasedAt}: {(IsComplete ? "complete" : "incomplete")}{(WasAlreadyErased ? " (already erased)" : string.Empty)}, {Contributors.Count} contributor(s)";
}
