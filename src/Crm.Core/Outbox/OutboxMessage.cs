using Crm.Events;

namespace Crm.Outbox;

/// <summary>An event in the outbox with its delivery state.</summary>
/// <param name="Event">The event, read back from the store.</param>
/// <param name="Attempts">How many deliveries failed before this claim.</param>
/// <param name="LastError">What the last failed delivery reported (exception type and message), or <see langword="null"/>.</param>
/// <param name="Lease">This claim's lease; <see langword="null"/> for a dead letter that is only being inspected.</param>
public sealed record OutboxMessage(CrmEvent Event, int Attempts, string? LastError, OutboxLease? Lease);
