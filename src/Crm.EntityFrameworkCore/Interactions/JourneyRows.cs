namespace Crm.EntityFrameworkCore.Interactions;

/// <summary>The first instants (ticks) of a contact's facts, as one row of scalar subqueries.</summary>
internal sealed class JourneyFactsRow
{
    public long? FirstTouchpoint { get; set; }
    public long? FirstEngagement { get; set; }
    public long? AfterPurchase { get; set; }
    public long? Promoter { get; set; }
}

/// <summary>One contact of a GROUP BY contact query: its count and last instant (ticks), and for coverage the one team member.</summary>
internal sealed class ContactGroupRow
{
    public Guid ContactId { get; set; }
    public string? TeamMember { get; set; }
    public long Count { get; set; }
    public long LastAt { get; set; }
}

/// <summary>One team member of a contact's coverage: its count and last instant (ticks).</summary>
internal sealed class TeamMemberGroupRow
{
    public string TeamMember { get; set; } = "";
    public long Count { get; set; }
    public long LastAt { get; set; }
}
