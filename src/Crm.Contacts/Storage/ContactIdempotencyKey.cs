namespace Crm.Contacts.Storage;

/// <summary>Records that the create command with idempotency key <see cref="Key"/> created <see cref="ContactId"/>.</summary>
/// <remarks>
/// Written in the same change set as the contact, so a key maps to at most one contact per tenant: a second change set
/// with the same key fails with <see cref="ConcurrencyConflictException"/> (entity <c>idempotency key</c>) and writes
/// nothing. A key is 1–<see cref="MaxLength"/> printable ASCII characters (no spaces), compared ordinally; a client
/// typically sends a UUID. Keys are opaque and must not carry personal data. A key protects against a repeat for as long
/// as it is kept: at least <see cref="ContactOptions.IdempotencyKeyRetention"/>, until an explicit purge
/// (<see cref="ContactManager.PurgeIdempotencyKeysAsync"/>, store capability <see cref="IContactIdempotencyKeyPurge"/>).
/// </remarks>
public sealed record ContactIdempotencyKey
{
    /// <summary>The maximum length of a key (<see cref="IdempotencyKey.MaxLength"/>).</summary>
    public const int MaxLength = IdempotencyKey.MaxLength;

    /// <summary>Creates the record of a key recorded at <paramref name="recordedAt"/>.</summary>
    /// <exception cref="ArgumentException">The key is empty, too long or has a character outside printable ASCII, or the id is empty.</exception>
    public ContactIdempotencyKey(string key, ContactId contactId, NodaTime.Instant recordedAt)
    {
        Key = Validate(key, nameof(key));
        ContactId.ThrowIfEmpty(contactId);
        ContactId = contactId;
        RecordedAt = recordedAt;
    }

    /// <summary>When the key was recorded; keys older than <see cref="ContactOptions.IdempotencyKeyRetention"/> are removed by <see cref="ContactManager.PurgeIdempotencyKeysAsync"/>.</summary>
    public NodaTime.Instant RecordedAt { get; }

    /// <summary>The client-supplied key.</summary>
    public string Key { get; }

    /// <summary>The contact the first command with this key created.</summary>
    public ContactId ContactId { get; }

    /// <summary>Checks a key against the rule of <see cref="IdempotencyKey"/> (the one rule every package shares) and returns it.</summary>
    /// <exception cref="ArgumentException">The key breaks the rule.</exception>
    public static string Validate(string? key, string paramName) => IdempotencyKey.Validate(key, paramName);
}
