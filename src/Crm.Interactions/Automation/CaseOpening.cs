using Crm.Interactions.FollowUps;
using Crm.Interactions.Support;
using Crm.Interactions.Templates;

namespace Crm.Interactions.Automation;

/// <summary>What <see cref="SupportCaseManager.OpenAndAcknowledgeAsync"/> did: the case, the follow-ups the case-opened rules created with it, and the rendered acknowledgement.</summary>
public sealed class CaseOpening
{
    internal CaseOpening(SupportCase supportCase, IReadOnlyList<FollowUp> followUps, RenderedMessage? acknowledgement, bool replayed)
    {
        Case = supportCase;
        FollowUps = followUps;
        Acknowledgement = acknowledgement;
        IsReplay = replayed;
    }

    /// <summary>The opened case.</summary>
    public SupportCase Case { get; }

    /// <summary>The follow-ups created in the same change set (empty on a replay: read them with <see cref="FollowUpManager.ListByContactAsync"/>).</summary>
    public IReadOnlyList<FollowUp> FollowUps { get; }

    /// <summary>The rendered acknowledgement, or <see langword="null"/> when none is configured or on a replay (its <see cref="Events.AcknowledgementRendered"/> event was written by the first call).</summary>
    public RenderedMessage? Acknowledgement { get; }

    /// <summary>Whether this repeats an earlier open with the same idempotency key (nothing was written).</summary>
    public bool IsReplay { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Case} with {FollowUps.Count} follow-up(s){(Acknowledgement is null ? "" : ", acknowledged")}{(IsReplay ? " (replay)" : "")}";
}
