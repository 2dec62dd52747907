namespace Crm.Interactions;

/// <summary>Who started an interaction.</summary>
public enum InteractionDirection
{
    /// <summary>The contact reached out to the business.</summary>
    Inbound = 1,

    /// <summary>The business reached out to the contact.</summary>
    Outbound = 2,

    /// <summary>Neither: an internal record (a note, a status change).</summary>
    Internal = 3,
}
