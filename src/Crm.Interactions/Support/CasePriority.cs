namespace Crm.Interactions.Support;

/// <summary>How urgent a support case is; SLA policies set targets per priority.</summary>
public enum CasePriority
{
    /// <summary>Can wait.</summary>
    Low = 1,

    /// <summary>The usual priority.</summary>
    Normal = 2,

    /// <summary>Needs attention soon.</summary>
    High = 3,

    /// <summary>Needs attention now.</summary>
    Urgent = 4,
}
