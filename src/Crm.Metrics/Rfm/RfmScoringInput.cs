using System.Globalization;
using NodaTime;

namespace Crm.Metrics.Rfm;

/// <summary>One customer's recency, frequency and monetary value: the input of RFM scoring.</summary>
/// <typeparam name="TCustomer">The host's customer key.</typeparam>
/// <remarks>Plain numbers, so any summary (yours or this package's) can feed the scoring.</remarks>
public readonly struct RfmScoringInput<TCustomer> : IEquatable<RfmScoringInput<TCustomer>>
    where TCustomer : notnull
{
    /// <summary>Creates the input from a recency already measured in days.</summary>
    /// <param name="customer">The customer.</param>
    /// <param name="recencyDays">Days since the customer's last purchase (smaller = more recent); fractions allowed.</param>
    /// <param name="frequency">How many purchases (or repeat purchases: any count, as long as it is the same for every customer).</param>
    /// <param name="monetary">The customer's money value (total or average spend, in one currency).</param>
    /// <exception cref="ArgumentNullException"><paramref name="customer"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="recencyDays"/> is negative, NaN or infinite, or <paramref name="frequency"/> is negative.</exception>
    public RfmScoringInput(TCustomer customer, double recencyDays, long frequency, decimal monetary)
    {
        ArgumentNullException.ThrowIfNull(customer);
        if (!double.IsFinite(recencyDays) || recencyDays < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(recencyDays), recencyDays, string.Create(CultureInfo.InvariantCulture, $"Recency must be a finite number of days, 0 or more (was {recencyDays})."));
        }

        if (frequency < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(frequency), frequency, string.Create(CultureInfo.InvariantCulture, $"Frequency must be 0 or more (was {frequency})."));
        }

        Customer = customer;
        RecencyDays = recencyDays;
        Frequency = frequency;
        Monetary = monetary;
    }

    /// <summary>Creates the input from the instant of the last purchase, measuring recency in days up to <paramref name="asOf"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="customer"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lastPurchase"/> is after <paramref name="asOf"/>, or <paramref name="frequency"/> is negative.</exception>
    public RfmScoringInput(TCustomer customer, Instant lastPurchase, Instant asOf, long frequency, decimal monetary)
        : this(customer, RecencyBetween(lastPurchase, asOf), frequency, monetary)
    {
    }

    /// <summary>The customer.</summary>
    public TCustomer Customer { get; }

    /// <summary>Days since the last purchase (smaller = more recent).</summary>
    public double RecencyDays { get; }

    /// <summary>The purchase count.</summary>
    public long Frequency { get; }

    /// <summary>The money value.</summary>
    public decimal Monetary { get; }

    /// <inheritdoc />
    public bool Equals(RfmScoringInput<TCustomer> other)
        => EqualityComparer<TCustomer>.Default.Equals(Customer, other.Customer)
           && RecencyDays.Equals(other.RecencyDays) && Frequency == other.Frequency && Monetary == other.Monetary;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is RfmScoringInput<TCustomer> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Customer, RecencyDays, Frequency, Monetary);

    /// <summary>Compares two inputs for equality.</summary>
    public static bool operator ==(RfmScoringInput<TCustomer> left, RfmScoringInput<TCustomer> right) => left.Equals(right);

    /// <summary>Compares two inputs for inequality.</summary>
    public static bool operator !=(RfmScoringInput<TCustomer> left, RfmScoringInput<TCustomer> right) => !left.Equals(right);

    private static double RecencyBetween(Instant lastPurchase, Instant asOf)
    {
        if (lastPurchase > asOf)
        {
            throw new ArgumentOutOfRangeException(nameof(lastPurchase), lastPurchase, $"The last purchase ({lastPurchase}) must not be after the as-of instant ({asOf}).");
        }

        return (asOf - lastPurchase).TotalDays;
    }
}
