using NodaTime;

namespace Crm.Interactions.Storage;

/// <summary>Records that the recording command with idempotency key <see cref="Key"/> wrote the timeline entry <see cref="InteractionId"/>.</summary>
/// <remarks>
/// Every recording command of the package (an interaction, a purchase, a refund, a contract, a case, a feedback response)
/// writes exactly one timeline entry, whose links name the record it created; the key maps to that entry. Written in the
/// same change set, so a key maps to at most one command per tenant: a second change set with the same key fails with
/// <see cref="ConcurrencyConflictException"/> (entity <c>idempotency key</c>) and writes nothing.
/// </remarks>
public sealed class InteractionIdempotencyKey
{
    /// <summary>Creates the record.</summary>
    /// <exception cref="ArgumentException">The key breaks the rule of <see cref="IdempotencyKey"/>, or the id is empty.</exception>
    public InteractionIdempotencyKey(string key, InteractionId interactionId, Instant recordedAt)
    {
        Key = IdempotencyKey.Validate(key, nameof(key));
        InteractionId.ThrowIfEmpty(interactionId);
        InteractionId = interactionId;
        RecordedAt = recordedAt;
    }

    /// <summary>The client-supplied key.</summary>
    public string Key { get; }

    /// <summary>The timeline entry the first command with this key wrote.</summary>
    public InteractionId InteractionId { get; }

    /// <summary>When the key was recorded.</summary>
    public Instant RecordedAt { get; }

    /// <summary>The entry and time; keys are opaque but not echoed.</summary>
    public override string ToString() => $"key for {InteractionId} recorded at {RecordedAt}";
}
