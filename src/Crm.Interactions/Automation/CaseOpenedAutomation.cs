using Crm.Events;
using Crm.Interactions.Events;
using Crm.Interactions.FollowUps;
using Crm.Interactions.Support;
using Crm.Interactions.Templates;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Crm.Interactions.Automation;

/// <summary>Runs <see cref="CaseAutomationOptions"/> for <see cref="SupportCaseManager"/> when a case is opened: assigns and builds the rules' follow-ups and renders the acknowledgement, all written in the case's own change set.</summary>
/// <remarks>
/// Assignment happens once per open (before the save, so a retried save does not draw new turns); everything else is
/// built per attempt with the attempt's case id. Imported cases run no automation. Registered by
/// <c>AddInteractions()</c>; <see cref="SupportCaseManager"/> uses it when DI provides it.
/// </remarks>
public sealed class CaseOpenedAutomation
{
    private readonly IAssignmentStrategy _assignments;
    private readonly CaseAutomationOptions _options;

    /// <summary>Creates the automation.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public CaseOpenedAutomation(IAssignmentStrategy assignments, IOptions<InteractionOptions> options)
    {
        ArgumentNullException.ThrowIfNull(assignments);
        ArgumentNullException.ThrowIfNull(options);
        _assignments = assignments;
        _options = options.Value.Automation;
    }

    /// <summary>The matching rules, each with the team member the strategy chose.</summary>
    /// <exception cref="InvalidOperationException">The strategy returned someone outside the team.</exception>
    internal async Task<IReadOnlyList<(CaseOpenedRule Rule, TeamMemberId Assignee)>> AssignAsync(
        TenantId tenantId, ContactId contactId, CasePriority priority, string? category, InteractionChannel channel, CancellationToken cancellationToken)
    {
        var assigned = new List<(CaseOpenedRule, TeamMemberId)>();
        foreach (var rule in _options.Rules.Where(r => r.Matches(priority, category, channel)))
        {
            var request = new AssignmentRequest(rule.Team, _options.Teams[rule.Team], contactId, $"case-opened:{rule.Name}");
            var member = await _assignments.AssignAsync(tenantId, request, cancellationToken).ConfigureAwait(false);
            if (!request.Members.Contains(member))
            {
                throw new InvalidOperationException($"The IAssignmentStrategy chose a team member outside team '{rule.Team}'; the case was not opened.");
            }

            assigned.Add((rule, member));
        }

        return assigned;
    }

    /// <summary>The follow-ups, acknowledgement entry and events for <paramref name="opened"/>.</summary>
    internal (IReadOnlyList<FollowUp> FollowUps, IReadOnlyList<Interaction> Entries, IReadOnlyList<CrmEvent> Events, RenderedMessage? Acknowledgement) Build(
        SupportCase opened, IReadOnlyList<(CaseOpenedRule Rule, TeamMemberId Assignee)> assigned, TemplateContact? recipient, Instant now, ICrmEventIdGenerator eventIds)
    {
        var followUps = new List<FollowUp>();
        var entries = new List<Interaction>();
        var events = new List<CrmEvent>();
        foreach (var (rule, assignee) in assigned)
        {
            var due = opened.OpenedAt + rule.FollowUpAfter;
            var followUp = FollowUpManager.New(opened.TenantId, opened.ContactId, opened.Id, assignee, rule.FollowUpReason, now, due < now ? now : due, 1, null);
            followUps.Add(followUp);
            events.Add(eventIds.Identify(new FollowUpCreated(opened.TenantId, now, followUp.Id, followUp.ContactId, followUp.CaseId, assignee, followUp.DueAt, 1, null)));
        }

        RenderedMessage? acknowledgement = null;
        if (_options.Acknowledgement is { } template)
        {
            acknowledgement = template.Render(recipient, TemplateCase.From(opened), _options.LinksFor(opened.TenantId));
            var kind = opened.Channel == InteractionChannel.Email ? InteractionKind.Email : InteractionKind.Message;
            var summary = TextRules.OptionalText(acknowledgement.Subject, "acknowledgement subject", nameof(template), TextRules.MaxTextLength, allowLineBreaks: false)
                ?? $"Acknowledgement {template.Name}";
            var entry = TimelineEntries.New(opened.TenantId, opened.ContactId, kind, opened.Channel, InteractionDirection.Outbound, now, null, summary,
                new InteractionLinks { Case = opened.Id }, now);
            entries.Add(entry);
            events.Add(TimelineEntries.Event(eventIds, entry, now));
            events.Add(eventIds.Identify(new AcknowledgementRendered(opened.TenantId, now, opened.Id, opened.ContactId, opened.TrackingCode, opened.Channel, entry.Id,
                template.Name, template.Format, acknowledgement.Subject, acknowledgement.Body)));
        }

        return (followUps, entries, events, acknowledgement);
    }
}
