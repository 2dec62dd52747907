namespace Crm.Loyalty.Program;

/// <summary>A fixed number of points for an event such as signing up or a birthday.</summary>
public sealed record EventRule
{
    /// <summary>Creates the rule.</summary>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty.</exception>
    public EventRule(string id, EarningEvent earningEvent, long points)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        Id = id;
        Event = earningEvent;
        Points = points;
    }

    /// <summary>The rule's id (part of the idempotency key of every award).</summary>
    public string Id { get; }

    /// <summary>The event it pays for.</summary>
    public EarningEvent Event { get; }

    /// <summary>The points paid; must be positive.</summary>
    public long Points { get; }
}
