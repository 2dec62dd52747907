using System.Globalization;
using Crm.Metrics.Rfm;

namespace Crm.Metrics.Clv;

/// <summary>One customer's repeat spend (x, m̄): what the Gamma-Gamma model conditions on.</summary>
/// <remarks>
/// <see cref="AverageSpend"/> m̄ is the mean value of the x repeat transactions (the first purchase excluded), as
/// <see cref="CustomerSummary{TCustomer}.MonetaryValue"/>. The Gamma-Gamma fit uses only customers with x &gt; 0 and m̄ &gt; 0.
/// </remarks>
public readonly struct SpendHistory : IEquatable<SpendHistory>
{
    /// <summary>Creates a spend history, validating it.</summary>
    /// <param name="frequency">x: the number of repeat transactions, at least 0.</param>
    /// <param name="averageSpend">m̄: their mean value, at least 0 (0 when x = 0).</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is negative, or m̄ is not 0 when x = 0.</exception>
    public SpendHistory(int frequency, decimal averageSpend)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(frequency);
        ArgumentOutOfRangeException.ThrowIfNegative(averageSpend);
        if (frequency == 0 && averageSpend != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(averageSpend), averageSpend, string.Create(CultureInfo.InvariantCulture, $"Average repeat spend must be 0 when frequency (x) is 0 (was {averageSpend})."));
        }

        Frequency = frequency;
        AverageSpend = averageSpend;
    }

    /// <summary>x: the number of repeat transactions.</summary>
    public int Frequency { get; }

    /// <summary>m̄: the mean value of the repeat transactions.</summary>
    public decimal AverageSpend { get; }

    /// <summary>The spend history of a customer summary.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="summary"/> is null.</exception>
    public static SpendHistory FromSummary<TCustomer>(CustomerSummary<TCustomer> summary)
        where TCustomer : notnull
    {
        ArgumentNullException.ThrowIfNull(summary);
        return new SpendHistory(summary.Frequency, summary.MonetaryValue);
    }

    /// <inheritdoc />
    public bool Equals(SpendHistory other) => Frequency == other.Frequency && AverageSpend == other.AverageSpend;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SpendHistory other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Frequency, AverageSpend);

    /// <summary>The history as "x = 2, m̄ = 22.35".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"x = {Frequency}, m̄ = {AverageSpend}");

    /// <summary>Compares two histories for equality.</summary>
    public static bool operator ==(SpendHistory left, SpendHistory right) => left.Equals(right);

    /// <summary>Compares two histories for inequality.</summary>
    public static bool operator !=(SpendHistory left, SpendHistory right) => !left.Equals(right);
}
