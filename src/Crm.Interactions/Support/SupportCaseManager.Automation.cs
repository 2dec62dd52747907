using Crm.Events;
using Crm.Interactions.Automation;
using Crm.Interactions.FollowUps;
using Crm.Interactions.Storage;
using Crm.Interactions.Templates;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Crm.Interactions.Support;

public sealed partial class SupportCaseManager
{
    private readonly CaseOpenedAutomation? _automation;

    /// <summary>Creates the manager with case-opened automation: every opened case runs <see cref="CaseAutomationOptions"/> in its own change set.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The store does not implement <see cref="Crm.Storage.IVersionCounterStore"/>, or (with rules configured) <see cref="IFollowUpStore"/>.</exception>
    public SupportCaseManager(
        IInteractionStore store, ITrackingCodeGenerator codes, ISlaPolicyProvider policies, IClock clock, ICrmEventIdGenerator eventIds,
        ILogger<SupportCaseManager> logger, IOptions<InteractionOptions> options, CaseOpenedAutomation automation)
        : this(store, codes, policies, clock, eventIds, logger, options)
    {
        ArgumentNullException.ThrowIfNull(automation);
        if (options.Value.Automation.Rules.Count > 0 && store is not IFollowUpStore)
        {
            throw new ArgumentException("Case-opened rules create follow-ups: the interaction store must implement IFollowUpStore.", nameof(store));
        }

        _automation = automation;
    }

    /// <summary>Opens a case like <see cref="OpenAsync"/> and returns, besides the case, the follow-ups its rules created and the rendered acknowledgement (also written as an <see cref="Events.AcknowledgementRendered"/> event and an outbound timeline entry, in the same change set).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="draft"/> is null.</exception>
    /// <exception cref="ArgumentException">The tenant or contact is empty, a text or the key breaks its rule.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An enum value is undefined or the opening instant is in the future.</exception>
    /// <exception cref="RecordNotFoundException">A related case does not exist, belongs to another contact or was opened later.</exception>
    /// <exception cref="ConcurrencyConflictException">Concurrent opens took <see cref="SupportOptions.MaxTrackingCodeAttempts"/> numbers in a row; retry.</exception>
    /// <exception cref="InvalidOperationException">The assignment strategy chose someone outside the rule's team, or the template ran away.</exception>
    public Task<CaseOpening> OpenAndAcknowledgeAsync(TenantId tenantId, CaseDraft draft, CancellationToken cancellationToken = default)
        => OpenOrImportAsync(tenantId, draft, null, cancellationToken);

    private CaseOpening Opening(SupportCase opened, IReadOnlyList<FollowUp>? followUps, RenderedMessage? acknowledgement)
    {
        if (followUps is { Count: > 0 } || acknowledgement is not null)
        {
            Log.CaseAutomationApplied(_logger, opened.TenantId, opened.Id, followUps?.Count ?? 0, acknowledgement is not null);
        }

        return new CaseOpening(opened, followUps ?? [], acknowledgement, replayed: false);
    }
}
