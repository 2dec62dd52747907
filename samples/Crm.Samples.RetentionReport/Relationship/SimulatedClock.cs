using NodaTime;

namespace Crm.Samples.RetentionReport.Relationship;

/// <summary>
/// The clock the managers read while the generated history is replayed: it stands at the instant of the step being
/// recorded and only moves forward, so "now" and "not in the future" mean what they would have meant on that day.
/// </summary>
/// <param name="start">Where the clock starts.</param>
internal sealed class SimulatedClock(Instant start) : IClock
{
    private Instant _now = start;

    /// <inheritdoc />
    public Instant GetCurrentInstant() => _now;

    /// <summary>Moves the clock to <paramref name="instant"/>, or leaves it where it is when that is earlier.</summary>
    public void AdvanceTo(Instant instant)
    {
        if (instant > _now)
        {
            _now = instant;
        }
    }
}
