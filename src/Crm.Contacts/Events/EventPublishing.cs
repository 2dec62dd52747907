using Crm.Events;
using Microsoft.Extensions.Logging;

namespace Crm.Contacts.Events;

/// <summary>Publishes an event after its fact was stored: a failing publisher is logged and never undoes or fails the stored change.</summary>
internal static class EventPublishing
{
    public static async Task PublishStoredAsync<TEvent>(
        this ICrmEventPublisher publisher, TEvent domainEvent, ILogger logger, ContactId contactId, CancellationToken cancellationToken)
        where TEvent : CrmEvent
    {
        try
        {
            await publisher.PublishAsync(domainEvent, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.EventPublishFailed(logger, ex, typeof(TEvent).Name, domainEvent.TenantId, contactId);
        }
    }
}
