using System.Globalization;

namespace Crm.Metrics.Clv;

/// <summary>A discrete-time repeat-purchase pattern (x, t_x, n) and how many customers share it: what the BG/BB model conditions on.</summary>
/// <remarks>
/// After the first (acquisition) period there are n purchase opportunities (years, events…); x is the number of them with a
/// purchase and t_x the index (1…n) of the last one, 0 when x = 0. So 0 ≤ x ≤ t_x ≤ n, and x = 0 exactly when t_x = 0.
/// </remarks>
public readonly struct DiscretePurchaseHistory : IEquatable<DiscretePurchaseHistory>
{
    /// <summary>Creates a pattern, validating it.</summary>
    /// <param name="frequency">x: the number of opportunities with a purchase.</param>
    /// <param name="recency">t_x: the opportunity of the last purchase (0 when x = 0).</param>
    /// <param name="opportunities">n: the number of opportunities observed, at least 1.</param>
    /// <param name="customers">How many customers have this pattern, at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value breaks the rules above; the message names it.</exception>
    public DiscretePurchaseHistory(int frequency, int recency, int opportunities, long customers = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(opportunities, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(customers, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(frequency);
        if (recency < frequency || recency > opportunities || (frequency == 0) != (recency == 0))
        {
            throw new ArgumentOutOfRangeException(
                nameof(recency),
                recency,
                string.Create(CultureInfo.InvariantCulture, $"Recency (t_x) must satisfy x ≤ t_x ≤ n, and be 0 exactly when x is 0 (x = {frequency}, n = {opportunities}, t_x was {recency})."));
        }

        Frequency = frequency;
        Recency = recency;
        Opportunities = opportunities;
        Customers = customers;
    }

    /// <summary>x: the number of opportunities with a purchase.</summary>
    public int Frequency { get; }

    /// <summary>t_x: the opportunity of the last purchase, 0 when none.</summary>
    public int Recency { get; }

    /// <summary>n: the number of opportunities observed.</summary>
    public int Opportunities { get; }

    /// <summary>How many customers have this pattern.</summary>
    public long Customers { get; }

    /// <summary>Whether this is a validated pattern rather than the struct's default value (which has n = 0).</summary>
    internal bool IsValid => Opportunities >= 1;

    /// <inheritdoc />
    public bool Equals(DiscretePurchaseHistory other)
        => Frequency == other.Frequency && Recency == other.Recency && Opportunities == other.Opportunities && Customers == other.Customers;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is DiscretePurchaseHistory other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Frequency, Recency, Opportunities, Customers);

    /// <summary>The pattern as "x = 3, t_x = 5, n = 6 (× 225)".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"x = {Frequency}, t_x = {Recency}, n = {Opportunities} (× {Customers})");

    /// <summary>Compares two patterns for equality.</summary>
    public static bool operator ==(DiscretePurchaseHistory left, DiscretePurchaseHistory right) => left.Equals(right);

    /// <summary>Compares two patterns for inequality.</summary>
    public static bool operator !=(DiscretePurchaseHistory left, DiscretePurchaseHistory right) => !left.Equals(right);
}
