namespace Crm.Contacts.Storage;

/// <summary>An optional store capability: removes idempotency keys recorded before a given instant.</summary>
/// <remarks>
/// Used by <see cref="ContactManager.PurgeIdempotencyKeysAsync"/>. A relational store runs one
/// <c>DELETE FROM idempotency_keys WHERE tenant_id = @tenant AND recorded_at &lt; @before</c> (index on the pair). Every key
/// has its recording time (<see cref="ContactIdempotencyKey.RecordedAt"/>), which the store keeps to the tick. A store
/// without it keeps every key for ever.
/// </remarks>
public interface IContactIdempotencyKeyPurge
{
    /// <summary>Removes the tenant's idempotency keys recorded strictly before <paramref name="recordedBefore"/>, and returns how many were removed.</summary>
    ValueTask<int> PurgeIdempotencyKeysAsync(TenantId tenantId, NodaTime.Instant recordedBefore, CancellationToken cancellationToken);
}
