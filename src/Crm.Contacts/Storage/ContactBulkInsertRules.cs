namespace Crm.Contacts.Storage;

/// <summary>The shape every <see cref="IContactBulkInsert"/> implementation accepts, checked before anything is written.</summary>
internal static class ContactBulkInsertRules
{
    /// <summary>Throws unless <paramref name="changes"/> only creates contacts and its idempotency keys name contacts it creates.</summary>
    /// <remarks>Duplicate key claims are checked by the store as in a save (they must name created contacts too).</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="changes"/> is null.</exception>
    /// <exception cref="ArgumentException">The change set updates, guards, links or merges anything, or an idempotency key names a contact it does not create.</exception>
    public static void Validate(ContactChangeSet changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (!changes.IsCreateOnly)
        {
            throw new ArgumentException($"A bulk insert only creates contacts (with their duplicate key claims, idempotency keys and events); this change set holds more: {changes}.", nameof(changes));
        }

        if (changes.IdempotencyKeys.Count == 0)
        {
            return;
        }

        var created = changes.Created.Where(c => c is not null).Select(c => c.Id).ToHashSet();
        foreach (var key in changes.IdempotencyKeys)
        {
            if (key is not null && !created.Contains(key.ContactId))
            {
                throw new ArgumentException($"A bulk insert's idempotency key names contact '{key.ContactId}', which the change set does not create.", nameof(changes));
            }
        }
    }
}
