using Crm.Storage;

namespace Crm.Contacts.Storage;

/// <summary>A contact a change set relied on without writing it: the store refuses the change set unless the contact still has <see cref="ExpectedStamp"/>.</summary>
/// <remarks>
/// A manager adds one for every contact whose state decided the operation (for example the referee and referrer of a
/// referral, which must still be active): a concurrent write to the contact (a merge, an erasure) changes its stamp and
/// the save fails with <see cref="ConcurrencyConflictException"/> (entity <c>contact</c>) instead of committing against a
/// state that no longer holds. A relational store checks it in the same transaction as the write, e.g. with
/// <c>SELECT … WHERE id = @id AND stamp = @stamp FOR SHARE</c> (or a serializable read).
/// </remarks>
public sealed record ContactReadGuard
{
    /// <summary>Creates the guard.</summary>
    /// <exception cref="ArgumentException"><paramref name="contactId"/> or <paramref name="expectedStamp"/> is empty.</exception>
    public ContactReadGuard(ContactId contactId, ConcurrencyStamp expectedStamp)
    {
        ContactId.ThrowIfEmpty(contactId, nameof(contactId));
        if (expectedStamp.IsEmpty)
        {
            throw new ArgumentException("A read guard's expected stamp must not be empty.", nameof(expectedStamp));
        }

        ContactId = contactId;
        ExpectedStamp = expectedStamp;
    }

    /// <summary>The contact that was read.</summary>
    public ContactId ContactId { get; }

    /// <summary>The stamp it had when it was read.</summary>
    public ConcurrencyStamp ExpectedStamp { get; }

    /// <summary>Guards <paramref name="contact"/> at its current stamp.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="contact"/> is null.</exception>
    public static ContactReadGuard For(Contact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return new ContactReadGuard(contact.Id, contact.ConcurrencyStamp);
    }

    /// <inheritdoc />
    public override string ToString() => $"{ContactId}@{ExpectedStamp}";
}
