using Crm.Contacts;
using Crm.Contacts.Storage;
using Crm.EntityFrameworkCore.Entities;
using Crm.Events;
using Crm.Storage;
using NodaTime;

namespace Crm.EntityFrameworkCore.Storage;

/// <summary>A change set checked for what needs no database (tenants, duplicates within the set, events) and ready to apply.</summary>
internal sealed class ChangeSetPlan
{
    /// <summary>The referral graph's version counter.</summary>
    public const string ReferralGraphCounter = ContactChangeSet.ReferralGraphCounter;

    /// <summary>The parameter that argument errors name (the change set passed to SaveAsync).</summary>
    public static readonly string ParameterName = "changes";

    private ChangeSetPlan(ContactChangeSet changes) => Changes = changes;

    public ContactChangeSet Changes { get; }

    public List<VersionCheck> VersionChecks { get; } = [];

    public List<(ContactId ContactId, ConcurrencyStamp Stamp)> ReadGuards { get; } = [];

    public List<OutboxRow> OutboxRows { get; } = [];

    public bool IsEmpty => Changes.IsEmpty && VersionChecks.Count == 0 && ReadGuards.Count == 0;

    /// <exception cref="ArgumentException">A record belongs to another tenant, a record is named twice, or an event is not identified or not registered.</exception>
    /// <exception cref="ConcurrencyConflictException">An event id appears twice.</exception>
    public static ChangeSetPlan Create(TenantId tenantId, ContactChangeSet changes, CrmEventSerializer serializer)
    {
        var plan = new ChangeSetPlan(changes);
        var created = new HashSet<ContactId>();
        foreach (var contact in changes.Created)
        {
            ArgumentNullException.ThrowIfNull(contact, nameof(changes));
            RequireTenant(tenantId, contact.TenantId);
            if (!created.Add(contact.Id))
            {
                throw new ConcurrencyConflictException("contact", contact.Id.ToString());
            }
        }

        var updated = new HashSet<ContactId>();
        foreach (var update in changes.Updated)
        {
            ArgumentNullException.ThrowIfNull(update, nameof(changes));
            RequireTenant(tenantId, update.Contact.TenantId);
            if (!updated.Add(update.Contact.Id))
            {
                throw new ArgumentException($"Contact '{update.Contact.Id}' is updated twice in one change set.", nameof(changes));
            }
        }

        var counters = new HashSet<string>(StringComparer.Ordinal);
        foreach (var check in changes.VersionChecks)
        {
            ArgumentNullException.ThrowIfNull(check, nameof(changes));
            if (!counters.Add(check.Counter))
            {
                throw new ArgumentException($"Version counter '{check.Counter}' is named twice in one change set.", nameof(changes));
            }

            plan.VersionChecks.Add(check);
        }

        var edgesChange = changes.ReferralsAdded.Count > 0 || changes.ReferralsRemoved.Count > 0;
        if (edgesChange && !changes.VersionChecks.Any(c => c.Counter == ReferralGraphCounter && c.Advance))
        {
            throw new ArgumentException($"Referral edges change, so the change set must advance the version counter '{ReferralGraphCounter}'.", nameof(changes));
        }

        var guarded = new HashSet<ContactId>();
        foreach (var guard in changes.ContactsRead)
        {
            ArgumentNullException.ThrowIfNull(guard, nameof(changes));
            if (guarded.Add(guard.ContactId))
            {
                plan.ReadGuards.Add((guard.ContactId, guard.ExpectedStamp));
            }
        }

        foreach (var claim in changes.DuplicateKeyClaims)
        {
            ArgumentNullException.ThrowIfNull(claim, nameof(changes));
            if (!created.Contains(claim.ContactId))
            {
                throw new ArgumentException($"A duplicate key claim names contact '{claim.ContactId}', which the change set does not create.", nameof(changes));
            }
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in changes.IdempotencyKeys)
        {
            ArgumentNullException.ThrowIfNull(key, nameof(changes));
            if (!keys.Add(key.Key))
            {
                throw new ConcurrencyConflictException("idempotency key", key.ContactId.ToString());
            }
        }

        var requests = new HashSet<Crm.Contacts.Referrals.ReferralRequestId>();
        foreach (var request in changes.ReferralRequestsCreated)
        {
            ArgumentNullException.ThrowIfNull(request, nameof(changes));
            if (!requests.Add(request.Id))
            {
                throw new ConcurrencyConflictException("referral request", request.Id.ToString());
            }
        }

        plan.OutboxRows.AddRange(OutboxRowsFor(tenantId, changes.Events, serializer));
        return plan;
    }

    /// <summary>The outbox rows of a change set's events: each identified, of the tenant, named once, and registered with the serializer.</summary>
    /// <exception cref="ArgumentException">An event is null, unidentified, of another tenant or not registered.</exception>
    /// <exception cref="ConcurrencyConflictException">An event id appears twice.</exception>
    internal static List<OutboxRow> OutboxRowsFor(TenantId tenantId, IReadOnlyList<CrmEvent> events, CrmEventSerializer serializer)
    {
        var rows = new List<OutboxRow>(events.Count);
        var seen = new HashSet<CrmEventId>();
        foreach (var domainEvent in events)
        {
            if (domainEvent is null)
            {
                throw new ArgumentException("A change set holds a null event.", ParameterName);
            }

            if (domainEvent.EventId.IsEmpty)
            {
                throw new ArgumentException($"A {domainEvent.GetType().Name} event has no EventId; identify it with ICrmEventIdGenerator.Identify.", ParameterName);
            }

            if (domainEvent.TenantId != tenantId)
            {
                throw new ArgumentException($"A change set for tenant '{tenantId}' holds an event of another tenant.", ParameterName);
            }

            if (!seen.Add(domainEvent.EventId))
            {
                throw new ConcurrencyConflictException("event", domainEvent.EventId.ToString());
            }

            var serialized = serializer.Serialize(domainEvent);
            rows.Add(new OutboxRow
            {
                EventId = domainEvent.EventId,
                TenantId = tenantId,
                TypeName = serialized.TypeName,
                TypeVersion = serialized.Version,
                Payload = serialized.Payload,
                OccurredAt = domainEvent.OccurredAt,
                State = OutboxRow.Pending,
                DueAt = Instant.MinValue,
            });
        }

        return rows;
    }

    private static void RequireTenant(TenantId expected, TenantId actual)
    {
        if (expected != actual)
        {
            throw new ArgumentException($"A change set for tenant '{expected}' holds a record of another tenant.", ParameterName);
        }
    }
}
