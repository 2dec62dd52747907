using Crm.Interactions.FollowUps;
using Crm.Interactions.Templates;
using Crm.Storage;
using NodaTime;

namespace Crm.Interactions.Automation;

/// <summary>What happens when a case is opened: the rules that create follow-ups, the teams they assign to, and the acknowledgement sent to the customer with its helpful links.</summary>
public sealed class CaseAutomationOptions
{
    /// <summary>The longest team name.</summary>
    public const int MaxTeamNameLength = 64;

    /// <summary>The rules, each run on every opened (not imported) case; every matching rule creates one follow-up.</summary>
    public IList<CaseOpenedRule> Rules { get; } = [];

    /// <summary>The teams by name (1–64 ASCII letters, digits, '.', '_', '-'), each a non-empty list of members in rotation order.</summary>
    public IDictionary<string, IList<TeamMemberId>> Teams { get; } = new Dictionary<string, IList<TeamMemberId>>(StringComparer.Ordinal);

    /// <summary>The acknowledgement rendered for every opened case, or <see langword="null"/> for none. It can read <c>contact.*</c>, <c>case.*</c> and <c>links.&lt;name&gt;</c>.</summary>
    public MessageTemplate? Acknowledgement { get; set; }

    /// <summary>Helpful links every tenant's acknowledgement can show as <c>{{ links.&lt;name&gt; }}</c> (name: lower-case letters, digits, '_'; value: an absolute http or https URL).</summary>
    public IDictionary<string, string> HelpfulLinks { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Per-tenant links by tenant id; a tenant's link replaces the default link of the same name.</summary>
    public IDictionary<string, IDictionary<string, string>> TenantHelpfulLinks { get; } = new Dictionary<string, IDictionary<string, string>>(StringComparer.Ordinal);

    /// <summary>The links of <paramref name="tenantId"/>: the defaults, overridden by the tenant's own.</summary>
    public IReadOnlyDictionary<string, string> LinksFor(TenantId tenantId)
    {
        var links = new Dictionary<string, string>(HelpfulLinks, StringComparer.Ordinal);
        if (TenantHelpfulLinks.TryGetValue(tenantId.Value, out var own))
        {
            foreach (var (name, url) in own)
            {
                links[name] = url;
            }
        }

        return links;
    }

    /// <summary>The broken rules, each naming the field.</summary>
    public IEnumerable<string> Validate()
    {
        foreach (var (team, members) in Teams)
        {
            if (!IsTeamName(team))
            {
                yield return $"CaseAutomationOptions.Teams: '{team}' must be 1 to {MaxTeamNameLength} ASCII letters, digits, '.', '_' or '-'.";
            }

            if (members is null || members.Count == 0 || members.Any(static m => m.IsEmpty) || members.Distinct().Count() != members.Count)
            {
                yield return $"CaseAutomationOptions.Teams['{team}'] must list at least one member, each once, none empty.";
            }
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Rules.Count; i++)
        {
            var name = $"CaseAutomationOptions.Rules[{i}]";
            if (Rules[i] is not { } rule)
            {
                yield return $"{name} must not be null.";
                continue;
            }

            if (string.IsNullOrWhiteSpace(rule.Name) || rule.Name.Length > 100 || rule.Name.Any(char.IsControl) || !names.Add(rule.Name))
            {
                yield return $"{name}.Name must be 1 to 100 characters without control characters, and unique.";
            }

            if (!Teams.ContainsKey(rule.Team ?? ""))
            {
                yield return $"{name}.Team must name a team of CaseAutomationOptions.Teams (was '{rule.Team}').";
            }

            if (rule.FollowUpAfter <= Duration.Zero)
            {
                yield return $"{name}.FollowUpAfter must be positive (was {rule.FollowUpAfter}).";
            }

            if (string.IsNullOrWhiteSpace(rule.FollowUpReason) || rule.FollowUpReason.Length > FollowUp.MaxReasonLength || rule.FollowUpReason.Any(char.IsControl))
            {
                yield return $"{name}.FollowUpReason must be 1 to {FollowUp.MaxReasonLength} characters without control characters.";
            }

            if (rule.Priorities.Any(static p => !Enum.IsDefined(p)) || rule.Channels.Any(static c => !Enum.IsDefined(c)))
            {
                yield return $"{name}: Priorities and Channels must hold defined values only.";
            }
        }

        foreach (var failure in CheckLinks("CaseAutomationOptions.HelpfulLinks", HelpfulLinks))
        {
            yield return failure;
        }

        foreach (var (tenant, links) in TenantHelpfulLinks)
        {
            foreach (var failure in CheckLinks($"CaseAutomationOptions.TenantHelpfulLinks['{tenant}']", links ?? new Dictionary<string, string>()))
            {
                yield return failure;
            }
        }
    }

    /// <summary>Checks a team name against the rule.</summary>
    /// <exception cref="ArgumentException">The name breaks it.</exception>
    internal static void CheckTeamName(string? team, string paramName)
    {
        if (!IsTeamName(team))
        {
            throw new ArgumentException($"A team name must be 1 to {MaxTeamNameLength} ASCII letters, digits, '.', '_' or '-'.", paramName);
        }
    }

    private static bool IsTeamName(string? team)
        => !string.IsNullOrEmpty(team) && team.Length <= MaxTeamNameLength && team.All(static c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-')
            && VersionCheck.MaxNameLength >= RoundRobinAssignmentStrategy.SequencePrefix.Length + team.Length;

    private static IEnumerable<string> CheckLinks(string field, IDictionary<string, string> links)
    {
        foreach (var (name, url) in links)
        {
            if (string.IsNullOrEmpty(name) || name.Length > 64 || !name.All(static c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_'))
            {
                yield return $"{field}: the link name '{name}' must be 1 to 64 lower-case letters, digits or '_'.";
            }

            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || url.Length > 2000)
            {
                yield return $"{field}['{name}'] must be an absolute http or https URL of at most 2000 characters.";
            }
        }
    }
}
