using Crm.Contacts.Duplicates;

namespace Crm.Contacts.Storage;

/// <summary>The active contacts that have one <see cref="DuplicateKey"/>, as found by <see cref="IContactDuplicateIndex"/>.</summary>
/// <param name="Key">The key asked for.</param>
/// <param name="ContactIds">At most the asked limit of contact ids with the key, in ascending id order.</param>
/// <param name="ExceedsLimit">Whether more contacts than the limit have the key (then <paramref name="ContactIds"/> is incomplete).</param>
public sealed record DuplicateKeyMatch(DuplicateKey Key, IReadOnlyList<ContactId> ContactIds, bool ExceedsLimit);
