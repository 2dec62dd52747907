using NodaTime;

namespace Crm.Metrics.Feedback;

/// <summary>One 0–10 NPS answer and when it was given: the input of an NPS trend.</summary>
public readonly struct NpsResponse : IEquatable<NpsResponse>
{
    /// <summary>Creates an answer.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="score"/> is not 0–10.</exception>
    public NpsResponse(Instant at, int score)
    {
        SurveyScale.Check(score, 0, 10, "NPS", nameof(score));
        At = at;
        Score = score;
    }

    /// <summary>When the answer was given.</summary>
    public Instant At { get; }

    /// <summary>The 0–10 answer.</summary>
    public int Score { get; }

    /// <inheritdoc />
    public bool Equals(NpsResponse other) => At == other.At && Score == other.Score;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is NpsResponse other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(At, Score);

    /// <summary>Compares two answers for equality.</summary>
    public static bool operator ==(NpsResponse left, NpsResponse right) => left.Equals(right);

    /// <summary>Compares two answers for inequality.</summary>
    public static bool operator !=(NpsResponse left, NpsResponse right) => !left.Equals(right);
}
