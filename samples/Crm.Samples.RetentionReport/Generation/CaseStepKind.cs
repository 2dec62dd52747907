namespace Crm.Samples.RetentionReport.Generation;

/// <summary>What happens to a generated support case at one step of its script.</summary>
internal enum CaseStepKind
{
    /// <summary>The team answers for the first time.</summary>
    Respond = 1,

    /// <summary>The customer gets in touch again about the case (one more contact until resolution).</summary>
    CustomerContact = 2,

    /// <summary>The team waits on the customer: the SLA clock pauses.</summary>
    Pending = 3,

    /// <summary>The customer answers: the case is open again and the clock runs.</summary>
    CustomerReplied = 4,

    /// <summary>The team resolves the case.</summary>
    Resolve = 5,

    /// <summary>The customer reopens a resolved case.</summary>
    Reopen = 6,
}
