namespace Crm.Interactions.Support;

/// <summary>Both SLA timers of a case at one instant.</summary>
public sealed class CaseSla
{
    internal CaseSla(SlaTimer firstResponse, SlaTimer resolution)
    {
        FirstResponse = firstResponse;
        Resolution = resolution;
    }

    /// <summary>The first-response timer.</summary>
    public SlaTimer FirstResponse { get; }

    /// <summary>The resolution timer.</summary>
    public SlaTimer Resolution { get; }

    /// <summary>Both timers.</summary>
    public override string ToString() => $"{FirstResponse}; {Resolution}";
}
