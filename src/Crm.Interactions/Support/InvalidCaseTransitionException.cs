namespace Crm.Interactions.Support;

/// <summary>Thrown when a status change breaks the case flow (<see cref="CaseStatusRules"/>); nothing was written.</summary>
public sealed class InvalidCaseTransitionException : CrmException
{
    /// <summary>The stable error code.</summary>
    public const string ErrorCode = "crm.interactions.invalid_case_transition";

    /// <summary>Creates the exception.</summary>
    public InvalidCaseTransitionException(CaseId caseId, CaseStatus from, CaseStatus to)
        : base(ErrorCode, $"Case '{caseId}' cannot move from {from} to {to}: the flow is Open -> Pending -> Resolved -> Closed, Pending -> Open, and reopen from Resolved or Closed.")
    {
        CaseId = caseId;
        From = from;
        To = to;
    }

    /// <summary>The case.</summary>
    public CaseId CaseId { get; }

    /// <summary>Its status.</summary>
    public CaseStatus From { get; }

    /// <summary>The status asked for.</summary>
    public CaseStatus To { get; }
}
