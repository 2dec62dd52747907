using Crm.Contacts.Storage;
using Crm.Storage;
using NodaTime;

namespace Crm.Contacts.Referrals;

/// <summary>A request made to a contact to refer someone, and how they answered; lets a host see who responds to being asked.</summary>
public sealed record ReferralRequest
{
    /// <summary>Creates a referral request record.</summary>
    /// <exception cref="ArgumentException">An id is empty, or an answered request has no answer time.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The answer time is before the time of asking.</exception>
    public ReferralRequest(
        ReferralRequestId id,
        ContactId contactId,
        Instant askedAt,
        string? channel,
        ReferralRequestOutcome outcome,
        Instant? answeredAt,
        ConcurrencyStamp concurrencyStamp)
    {
        ReferralRequestId.ThrowIfEmpty(id);
        ContactId.ThrowIfEmpty(contactId);
        if (outcome != ReferralRequestOutcome.Pending && answeredAt is null)
        {
            throw new ArgumentException($"AnsweredAt is required when the outcome is {outcome}.", nameof(answeredAt));
        }

        if (answeredAt < askedAt)
        {
            throw new ArgumentOutOfRangeException(nameof(answeredAt), answeredAt, "AnsweredAt must not be before AskedAt.");
        }

        Id = id;
        ContactId = contactId;
        AskedAt = askedAt;
        Channel = channel;
        Outcome = outcome;
        AnsweredAt = answeredAt;
        ConcurrencyStamp = concurrencyStamp;
    }

    /// <summary>The request's id.</summary>
    public ReferralRequestId Id { get; }

    /// <summary>The contact who was asked to refer someone.</summary>
    public ContactId ContactId { get; }

    /// <summary>When they were asked.</summary>
    public Instant AskedAt { get; }

    /// <summary>How they were asked (e.g. <c>email</c>, <c>in-store</c>), a host-defined code, not free text from the customer.</summary>
    public string? Channel { get; }

    /// <summary>How they answered.</summary>
    public ReferralRequestOutcome Outcome { get; }

    /// <summary>When they answered, or <see langword="null"/> while pending.</summary>
    public Instant? AnsweredAt { get; }

    /// <summary>The version of this record; it changes on every write.</summary>
    public ConcurrencyStamp ConcurrencyStamp { get; }
}
