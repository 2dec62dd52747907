using Crm.Storage;
namespace Crm.Contacts.Storage;

/// <summary>A replacement snapshot of a contact, written only if the stored contact still has <see cref="ExpectedStamp"/>.</summary>
/// <param name="Contact">The new snapshot; its <see cref="Contact.ConcurrencyStamp"/> is the new stamp and must differ from <paramref name="ExpectedStamp"/>.</param>
/// <param name="ExpectedStamp">The stamp of the snapshot the change was based on.</param>
public sealed record ContactUpdate(Contact Contact, ConcurrencyStamp ExpectedStamp);
