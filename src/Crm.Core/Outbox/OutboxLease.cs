using Crm.Events;
using NodaTime;

namespace Crm.Outbox;

/// <summary>One dispatcher's exclusive hold on a claimed event, valid until <see cref="ExpiresAt"/>.</summary>
/// <param name="EventId">The claimed event.</param>
/// <param name="Token">Unique to this claim; a later claim of the same event gets another.</param>
/// <param name="ExpiresAt">When the event becomes claimable again if it was neither completed nor failed.</param>
public sealed record OutboxLease(CrmEventId EventId, Guid Token, Instant ExpiresAt);
