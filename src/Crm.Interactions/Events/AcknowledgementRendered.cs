using Crm.Events;
using Crm.Interactions.Support;
using Crm.Interactions.Templates;
using Crm.Privacy;
using NodaTime;

namespace Crm.Interactions.Events;

/// <summary>Written to the outbox when a case was opened and its acknowledgement rendered, so a host handler sends it (by e-mail, SMS…) at least once; the timeline already shows it as an outbound message.</summary>
/// <remarks>Unlike the package's other events it carries personal data — the rendered subject and body, addressed to the customer — because sending it is its purpose. It is never logged; a handler should be idempotent on <see cref="CrmEvent.EventId"/> or <see cref="CaseId"/>.</remarks>
[CrmEventType("crm.interactions.acknowledgement_rendered", 1)]
public sealed record AcknowledgementRendered : CrmEvent
{
    /// <summary>Creates the event.</summary>
    /// <exception cref="ArgumentException">The tenant or an id is empty, or a text is null.</exception>
    public AcknowledgementRendered(
        TenantId tenantId, Instant occurredAt, CaseId caseId, ContactId contactId, string trackingCode, InteractionChannel channel, InteractionId timelineEntryId,
        string templateName, MessageFormat format, string subject, string body)
        : base(tenantId, occurredAt)
    {
        CaseId.ThrowIfEmpty(caseId);
        ContactId.ThrowIfEmpty(contactId);
        InteractionId.ThrowIfEmpty(timelineEntryId);
        ArgumentException.ThrowIfNullOrEmpty(trackingCode);
        ArgumentException.ThrowIfNullOrEmpty(templateName);
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(body);
        CaseId = caseId;
        ContactId = contactId;
        TrackingCode = trackingCode;
        Channel = channel;
        TimelineEntryId = timelineEntryId;
        TemplateName = templateName;
        Format = format;
        Subject = subject;
        Body = body;
    }

    /// <summary>The case.</summary>
    public CaseId CaseId { get; }

    /// <summary>The customer to send it to.</summary>
    public ContactId ContactId { get; }

    /// <summary>The case's tracking code.</summary>
    public string TrackingCode { get; }

    /// <summary>The channel the case came in through (where to answer).</summary>
    public InteractionChannel Channel { get; }

    /// <summary>The outbound-message timeline entry recording it.</summary>
    public InteractionId TimelineEntryId { get; }

    /// <summary>The template's name.</summary>
    public string TemplateName { get; }

    /// <summary>Plain text or HTML.</summary>
    public MessageFormat Format { get; }

    /// <summary>The rendered subject.</summary>
    [PersonalData]
    public string Subject { get; }

    /// <summary>The rendered body.</summary>
    [PersonalData]
    public string Body { get; }
}
