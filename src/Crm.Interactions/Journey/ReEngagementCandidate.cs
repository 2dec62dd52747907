using NodaTime;

namespace Crm.Interactions.Journey;

/// <summary>A contact that was active and has gone quiet (<see cref="ReEngagementQuery"/>): a candidate for a win-back call or campaign.</summary>
public sealed class ReEngagementCandidate
{
    /// <summary>Creates the candidate.</summary>
    /// <exception cref="ArgumentException"><paramref name="contactId"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="activityCount"/> is less than 1.</exception>
    public ReEngagementCandidate(ContactId contactId, Instant lastActivityAt, int activityCount)
    {
        ContactId.ThrowIfEmpty(contactId);
        ArgumentOutOfRangeException.ThrowIfLessThan(activityCount, 1);
        ContactId = contactId;
        LastActivityAt = lastActivityAt;
        ActivityCount = activityCount;
    }

    /// <summary>The contact.</summary>
    public ContactId ContactId { get; }

    /// <summary>The contact's last activity (before the quiet period).</summary>
    public Instant LastActivityAt { get; }

    /// <summary>How many activities the contact had in the lookback window.</summary>
    public int ActivityCount { get; }

    /// <summary>The contact, its last activity and the count.</summary>
    public override string ToString() => $"{ContactId}: {ActivityCount} activities, last at {LastActivityAt}";
}
