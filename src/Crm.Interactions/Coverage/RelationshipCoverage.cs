namespace Crm.Interactions.Coverage;

/// <summary>Who of the team interacted with a contact in a window: the team members, most recent first.</summary>
/// <remarks>Per contact: the package has no accounts (companies) yet, so a relationship is one contact's.</remarks>
public sealed class RelationshipCoverage
{
    /// <summary>Creates the coverage.</summary>
    /// <exception cref="ArgumentException"><paramref name="contactId"/> is empty, or a team member appears twice.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="window"/> or <paramref name="teamMembers"/> is null.</exception>
    public RelationshipCoverage(ContactId contactId, CoverageWindow window, IEnumerable<TeamMemberCoverage> teamMembers)
    {
        ContactId.ThrowIfEmpty(contactId);
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(teamMembers);
        var list = teamMembers.ToList();
        if (list.Any(static m => m is null) || list.Select(static m => m.TeamMember).Distinct().Count() != list.Count)
        {
            throw new ArgumentException("Each team member must appear once, and none may be null.", nameof(teamMembers));
        }

        ContactId = contactId;
        Window = window;
        TeamMembers = [.. list.OrderByDescending(static m => m.LastInteractionAt).ThenBy(static m => m.TeamMember.Value, StringComparer.Ordinal)];
    }

    /// <summary>The contact.</summary>
    public ContactId ContactId { get; }

    /// <summary>The period looked at.</summary>
    public CoverageWindow Window { get; }

    /// <summary>The distinct team members, by last interaction (most recent first), then id.</summary>
    public IReadOnlyList<TeamMemberCoverage> TeamMembers { get; }

    /// <summary>Whether exactly one team member interacted with the contact in the window.</summary>
    public bool IsSingleThreaded => TeamMembers.Count == 1;

    /// <summary>The contact and how many team members cover it.</summary>
    public override string ToString() => $"{ContactId}: {TeamMembers.Count} team member(s) in {Window}";
}
