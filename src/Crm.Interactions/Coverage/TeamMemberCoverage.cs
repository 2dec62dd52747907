using NodaTime;

namespace Crm.Interactions.Coverage;

/// <summary>How much one team member interacted with a contact in a window: the count and the last instant.</summary>
public sealed class TeamMemberCoverage
{
    /// <summary>Creates the entry.</summary>
    /// <exception cref="ArgumentException"><paramref name="teamMember"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="interactionCount"/> is less than 1.</exception>
    public TeamMemberCoverage(TeamMemberId teamMember, int interactionCount, Instant lastInteractionAt)
    {
        if (teamMember.IsEmpty)
        {
            throw new ArgumentException("A team member id must not be empty.", nameof(teamMember));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(interactionCount, 1);
        TeamMember = teamMember;
        InteractionCount = interactionCount;
        LastInteractionAt = lastInteractionAt;
    }

    /// <summary>The team member.</summary>
    public TeamMemberId TeamMember { get; }

    /// <summary>How many of the contact's interactions in the window the team member took part in.</summary>
    public int InteractionCount { get; }

    /// <summary>The team member's last interaction with the contact in the window.</summary>
    public Instant LastInteractionAt { get; }

    /// <summary>The team member, count and last instant.</summary>
    public override string ToString() => $"{TeamMember}: {InteractionCount}, last at {LastInteractionAt}";
}
