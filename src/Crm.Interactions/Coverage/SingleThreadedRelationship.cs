using NodaTime;

namespace Crm.Interactions.Coverage;

/// <summary>A contact whose whole relationship in a window runs through one team member: at risk when that person leaves.</summary>
public sealed class SingleThreadedRelationship
{
    /// <summary>Creates the entry.</summary>
    /// <exception cref="ArgumentException"><paramref name="contactId"/> or <paramref name="teamMember"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="interactionCount"/> is less than 1.</exception>
    public SingleThreadedRelationship(ContactId contactId, TeamMemberId teamMember, int interactionCount, Instant lastInteractionAt)
    {
        ContactId.ThrowIfEmpty(contactId);
        ContactId = contactId;
        Coverage = new TeamMemberCoverage(teamMember, interactionCount, lastInteractionAt);
    }

    /// <summary>The contact.</summary>
    public ContactId ContactId { get; }

    /// <summary>The one team member, with the count and the last instant of the contact's interactions in the window.</summary>
    public TeamMemberCoverage Coverage { get; }

    /// <summary>The contact and its one team member.</summary>
    public override string ToString() => $"{ContactId} only through {Coverage}";
}
