using System.Globalization;

namespace Crm.Metrics.Rfm;

/// <summary>A customer's recency, frequency and monetary scores, each 1 (worst) to 5 (best).</summary>
public readonly struct RfmScores : IEquatable<RfmScores>
{
    /// <summary>Creates a set of scores.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A score is not 1–5.</exception>
    public RfmScores(int recency, int frequency, int monetary)
    {
        Check(recency, nameof(recency));
        Check(frequency, nameof(frequency));
        Check(monetary, nameof(monetary));
        Recency = recency;
        Frequency = frequency;
        Monetary = monetary;
    }

    /// <summary>The recency score: 5 for the most recent buyers.</summary>
    public int Recency { get; }

    /// <summary>The frequency score: 5 for the most frequent buyers.</summary>
    public int Frequency { get; }

    /// <summary>The monetary score: 5 for the biggest spenders.</summary>
    public int Monetary { get; }

    /// <summary>The combined frequency–monetary score: the mean of F and M rounded half up, 1–5 (F 4, M 5 gives 5; F 3, M 4 gives 4).</summary>
    public int FrequencyMonetary => (Frequency + Monetary + 1) / 2;

    /// <inheritdoc />
    public bool Equals(RfmScores other) => Recency == other.Recency && Frequency == other.Frequency && Monetary == other.Monetary;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is RfmScores other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Recency, Frequency, Monetary);

    /// <summary>The scores as the usual three-digit RFM cell, e.g. "534".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Recency}{Frequency}{Monetary}");

    /// <summary>Compares two sets of scores for equality.</summary>
    public static bool operator ==(RfmScores left, RfmScores right) => left.Equals(right);

    /// <summary>Compares two sets of scores for inequality.</summary>
    public static bool operator !=(RfmScores left, RfmScores right) => !left.Equals(right);

    private static void Check(int score, string name)
    {
        if (score is < 1 or > 5)
        {
            throw new ArgumentOutOfRangeException(name, score, string.Create(CultureInfo.InvariantCulture, $"An RFM score must be between 1 and 5 (was {score})."));
        }
    }
}
