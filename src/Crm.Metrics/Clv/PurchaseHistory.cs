using System.Globalization;
using Crm.Metrics.Rfm;

namespace Crm.Metrics.Clv;

/// <summary>One customer's repeat-purchase history (x, t_x, T): what the BG/NBD and Pareto/NBD models condition on.</summary>
/// <remarks>
/// <see cref="Frequency"/> x is the number of repeat purchases, <see cref="Recency"/> t_x the time of the last one and
/// <see cref="Age"/> T the time observed, both measured from the first purchase in one unit (days, weeks…) that the model's
/// α (and β) share. 0 ≤ t_x ≤ T, and t_x = 0 when x = 0. The default value is a customer seen for no time with no repeat purchase.
/// </remarks>
public readonly struct PurchaseHistory : IEquatable<PurchaseHistory>
{
    /// <summary>Creates a history, validating it.</summary>
    /// <param name="frequency">x: the number of repeat purchases, at least 0.</param>
    /// <param name="recency">t_x: the time from the first to the last purchase, between 0 and <paramref name="age"/>; 0 when x = 0.</param>
    /// <param name="age">T: the time from the first purchase to the end of observation, at least 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value breaks the rules above; the message names it.</exception>
    public PurchaseHistory(int frequency, double recency, double age)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(frequency);
        Numerics.NonNegative(recency, nameof(recency));
        Numerics.NonNegative(age, nameof(age));
        if (recency > age)
        {
            throw new ArgumentOutOfRangeException(nameof(recency), recency, string.Create(CultureInfo.InvariantCulture, $"Recency (t_x) must not exceed age (T = {age}) (was {recency})."));
        }

        if (frequency == 0 && recency != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(recency), recency, string.Create(CultureInfo.InvariantCulture, $"Recency (t_x) must be 0 when frequency (x) is 0 (was {recency})."));
        }

        Frequency = frequency;
        Recency = recency;
        Age = age;
    }

    /// <summary>x: the number of repeat purchases.</summary>
    public int Frequency { get; }

    /// <summary>t_x: the time from the first to the last purchase.</summary>
    public double Recency { get; }

    /// <summary>T: the time from the first purchase to the end of observation.</summary>
    public double Age { get; }

    /// <summary>The history of a customer summary, in the summary's time unit.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="summary"/> is null.</exception>
    public static PurchaseHistory FromSummary<TCustomer>(CustomerSummary<TCustomer> summary)
        where TCustomer : notnull
    {
        ArgumentNullException.ThrowIfNull(summary);
        return new PurchaseHistory(summary.Frequency, summary.Recency, summary.Age);
    }

    /// <inheritdoc />
    public bool Equals(PurchaseHistory other) => Frequency == other.Frequency && Recency.Equals(other.Recency) && Age.Equals(other.Age);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is PurchaseHistory other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Frequency, Recency, Age);

    /// <summary>The history as "x = 2, t_x = 30.43, T = 38.86".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"x = {Frequency}, t_x = {Recency}, T = {Age}");

    /// <summary>Compares two histories for equality.</summary>
    public static bool operator ==(PurchaseHistory left, PurchaseHistory right) => left.Equals(right);

    /// <summary>Compares two histories for inequality.</summary>
    public static bool operator !=(PurchaseHistory left, PurchaseHistory right) => !left.Equals(right);
}
