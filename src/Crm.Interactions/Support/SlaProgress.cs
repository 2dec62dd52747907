namespace Crm.Interactions.Support;

/// <summary>What <see cref="SupportCaseManager.CheckSlaAsync"/> has decided about a case's SLA timers, so each breach is raised once.</summary>
[Flags]
public enum SlaProgress
{
    /// <summary>Nothing decided yet.</summary>
    None = 0,

    /// <summary>The first-response timer is decided (met in time, or breached and raised).</summary>
    FirstResponseDecided = 1,

    /// <summary>A first-response breach was raised.</summary>
    FirstResponseBreached = 2,

    /// <summary>The resolution timer is decided for the current resolution (a reopen clears it).</summary>
    ResolutionDecided = 4,

    /// <summary>A resolution breach was raised (it is never raised twice, even after a reopen).</summary>
    ResolutionBreached = 8,

    /// <summary>Both timers decided.</summary>
    Decided = FirstResponseDecided | ResolutionDecided,
}
