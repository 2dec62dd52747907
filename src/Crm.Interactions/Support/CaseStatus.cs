namespace Crm.Interactions.Support;

/// <summary>Where a support case stands. The flow is open → pending → resolved → closed, with reopen from resolved or closed (<see cref="CaseStatusRules"/>).</summary>
public enum CaseStatus
{
    /// <summary>The team is working on it; SLA timers run.</summary>
    Open = 1,

    /// <summary>Waiting on the customer; SLA timers are paused.</summary>
    Pending = 2,

    /// <summary>Solved; the resolution timer stopped.</summary>
    Resolved = 3,

    /// <summary>Done for good (unless reopened).</summary>
    Closed = 4,
}
