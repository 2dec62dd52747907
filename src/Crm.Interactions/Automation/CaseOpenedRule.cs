using Crm.Interactions.Support;
using NodaTime;

namespace Crm.Interactions.Automation;

/// <summary>A rule run when a case is opened: if the case matches, a follow-up due <see cref="FollowUpAfter"/> after the opening is created in the same change set, assigned by the <see cref="IAssignmentStrategy"/> to a member of <see cref="Team"/>.</summary>
/// <remarks>Each filter that is empty matches every case; a case must match all filters that are set. Configured in <see cref="CaseAutomationOptions.Rules"/>, validated at start-up.</remarks>
public sealed class CaseOpenedRule
{
    /// <summary>The rule's name (a label, required): the assignment's purpose and what logs name.</summary>
    public string Name { get; set; } = "";

    /// <summary>The priorities it applies to (empty: any).</summary>
    public ISet<CasePriority> Priorities { get; } = new HashSet<CasePriority>();

    /// <summary>The categories it applies to, compared ignoring case (empty: any, including none).</summary>
    public ISet<string> Categories { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The channels it applies to (empty: any).</summary>
    public ISet<InteractionChannel> Channels { get; } = new HashSet<InteractionChannel>();

    /// <summary>The team, a key of <see cref="CaseAutomationOptions.Teams"/>, whose members the strategy chooses from.</summary>
    public string Team { get; set; } = "";

    /// <summary>How long after the opening the follow-up is due (positive; a back-dated case's follow-up is due no earlier than now).</summary>
    public Duration FollowUpAfter { get; set; } = Duration.FromHours(24);

    /// <summary>The follow-up's reason (required, at most 500 characters, one line).</summary>
    public string FollowUpReason { get; set; } = "";

    /// <summary>Whether a case with these values matches.</summary>
    public bool Matches(CasePriority priority, string? category, InteractionChannel channel)
        => (Priorities.Count == 0 || Priorities.Contains(priority))
            && (Categories.Count == 0 || (category is not null && Categories.Contains(category)))
            && (Channels.Count == 0 || Channels.Contains(channel));

    /// <inheritdoc />
    public override string ToString() => $"CaseOpenedRule {Name} -> team {Team} after {FollowUpAfter}";
}
