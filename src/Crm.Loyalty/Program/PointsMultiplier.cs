using NodaTime;

namespace Crm.Loyalty.Program;

/// <summary>Multiplies the points of matching lines: by category, within a campaign window, or both.</summary>
public sealed record PointsMultiplier
{
    /// <summary>Creates the multiplier.</summary>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty.</exception>
    public PointsMultiplier(string id, decimal factor)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        Id = id;
        Factor = factor;
    }

    /// <summary>The multiplier's id.</summary>
    public string Id { get; }

    /// <summary>The factor (for example 2 for double points); must be positive.</summary>
    public decimal Factor { get; }

    /// <summary>The line category it applies to, or <see langword="null"/> for every line.</summary>
    public string? Category { get; init; }

    /// <summary>The campaign window (local dates of the program's zone, both ends included) the purchase must fall in, or <see langword="null"/> for always.</summary>
    public DateInterval? Window { get; init; }

    /// <summary>Higher is evaluated first; two exclusive multipliers cannot share a priority.</summary>
    public int Priority { get; init; }

    /// <summary>Whether it multiplies with the other applicable multipliers or applies alone.</summary>
    public RuleStacking Stacking { get; init; }

    internal bool AppliesTo(string? category, LocalDate date)
        => (Category is null || string.Equals(Category, category, StringComparison.Ordinal)) && (Window is null || Window.Contains(date));
}
