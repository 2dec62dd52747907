namespace Crm.Interactions.Support;

/// <summary>The allowed status changes of a support case.</summary>
/// <remarks>
/// open → pending, resolved; pending → open (the customer answered), resolved; resolved → closed, open (reopen);
/// closed → open (reopen). Everything else — closing an unresolved case, staying in the same status — is refused.
/// </remarks>
public static class CaseStatusRules
{
    /// <summary>Whether a case may move from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static bool IsAllowed(CaseStatus from, CaseStatus to) => (from, to) switch
    {
        (CaseStatus.Open, CaseStatus.Pending or CaseStatus.Resolved) => true,
        (CaseStatus.Pending, CaseStatus.Open or CaseStatus.Resolved) => true,
        (CaseStatus.Resolved, CaseStatus.Closed or CaseStatus.Open) => true,
        (CaseStatus.Closed, CaseStatus.Open) => true,
        _ => false,
    };

    /// <summary>Whether the move is a reopen (from resolved or closed back to open).</summary>
    public static bool IsReopen(CaseStatus from, CaseStatus to) => to == CaseStatus.Open && from is CaseStatus.Resolved or CaseStatus.Closed;
}
