using NodaTime;

namespace Crm.Interactions.Support;

/// <summary>How much business time a case of one priority may take to its first response and to its resolution.</summary>
public sealed class SlaTargets
{
    /// <summary>Creates the targets.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A target is not positive, or the resolution target is shorter than the first-response one.</exception>
    public SlaTargets(Duration firstResponse, Duration resolution)
    {
        if (firstResponse <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(firstResponse), firstResponse, "The first-response target must be positive.");
        }

        if (resolution < firstResponse)
        {
            throw new ArgumentOutOfRangeException(nameof(resolution), resolution, "The resolution target must not be shorter than the first-response target.");
        }

        FirstResponse = firstResponse;
        Resolution = resolution;
    }

    /// <summary>Business time allowed until the first response.</summary>
    public Duration FirstResponse { get; }

    /// <summary>Business time allowed until resolution.</summary>
    public Duration Resolution { get; }

    /// <summary>The two targets.</summary>
    public override string ToString() => $"first response {FirstResponse}, resolution {Resolution}";
}
