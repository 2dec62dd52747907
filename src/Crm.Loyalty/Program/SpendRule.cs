namespace Crm.Loyalty.Program;

/// <summary>Points per currency unit spent, optionally only on some categories.</summary>
public sealed record SpendRule
{
    /// <summary>Creates the rule.</summary>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty.</exception>
    public SpendRule(string id, decimal pointsPerUnit)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        Id = id;
        PointsPerUnit = pointsPerUnit;
    }

    /// <summary>The rule's id, stored in every earning it contributed to.</summary>
    public string Id { get; }

    /// <summary>Points per whole unit of the program's currency (for example 1 point per 1.00 EUR); must be positive.</summary>
    public decimal PointsPerUnit { get; }

    /// <summary>The line categories the rule applies to; empty for every line.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>Higher is evaluated first; two exclusive rules cannot share a priority.</summary>
    public int Priority { get; init; }

    /// <summary>Whether the rule adds to the other applicable rules or applies alone.</summary>
    public RuleStacking Stacking { get; init; }

    internal bool AppliesTo(string? category) => Categories.Count == 0 || (category is not null && Categories.Contains(category, StringComparer.Ordinal));
}
