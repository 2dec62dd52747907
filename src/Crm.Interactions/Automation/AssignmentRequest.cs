using System.Collections.Immutable;

namespace Crm.Interactions.Automation;

/// <summary>What an <see cref="IAssignmentStrategy"/> assigns: a piece of work for one contact, to one member of a named team.</summary>
public sealed class AssignmentRequest
{
    /// <summary>Creates the request.</summary>
    /// <exception cref="ArgumentException">The team name breaks the rule of <see cref="Crm.Storage.VersionCheck"/> counter names, the member list is empty or holds an empty id, or the contact is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="members"/> is null.</exception>
    public AssignmentRequest(string team, IEnumerable<TeamMemberId> members, ContactId contactId, string purpose)
    {
        CaseAutomationOptions.CheckTeamName(team, nameof(team));
        ArgumentNullException.ThrowIfNull(members);
        ContactId.ThrowIfEmpty(contactId);
        ArgumentException.ThrowIfNullOrWhiteSpace(purpose);
        var list = members.ToImmutableArray();
        if (list.IsEmpty || list.Any(static m => m.IsEmpty))
        {
            throw new ArgumentException("An assignment needs at least one member, none of them an empty id.", nameof(members));
        }

        Members = list;
        Team = team;
        ContactId = contactId;
        Purpose = purpose;
    }

    /// <summary>The team's name, as configured in <see cref="CaseAutomationOptions.Teams"/>.</summary>
    public string Team { get; }

    /// <summary>The members to choose from, in the configured order.</summary>
    public IReadOnlyList<TeamMemberId> Members { get; }

    /// <summary>The contact the work is for.</summary>
    public ContactId ContactId { get; }

    /// <summary>What the work is, such as <c>case-opened:vip-callback</c> (the rule's name).</summary>
    public string Purpose { get; }

    /// <inheritdoc />
    public override string ToString() => $"AssignmentRequest {Purpose} to team {Team} ({Members.Count} member(s))";
}
