namespace Crm.Interactions.Support;

/// <summary>Which SLA timer.</summary>
public enum SlaTimerKind
{
    /// <summary>Time to the first response.</summary>
    FirstResponse = 1,

    /// <summary>Time to resolution.</summary>
    Resolution = 2,
}
