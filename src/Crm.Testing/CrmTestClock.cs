using NodaTime;
using NodaTime.Testing;

namespace Crm.Testing;

/// <summary>Fake clocks for store and manager tests (NodaTime.Testing's <see cref="FakeClock"/>), starting at a fixed instant so runs are reproducible.</summary>
public static class CrmTestClock
{
    /// <summary>The instant every clock made here starts at: 2025-01-01T00:00:00Z.</summary>
    public static Instant Start { get; } = Instant.FromUtc(2025, 1, 1, 0, 0);

    /// <summary>A clock at <see cref="Start"/> that moves on by <paramref name="autoAdvance"/> (default one second) after each read, so successive writes get distinct, ordered timestamps.</summary>
    /// <remarks>Advance it further by hand with <see cref="FakeClock.Advance(Duration)"/>, for example to let an outbox lease expire.</remarks>
    public static FakeClock Create(Duration? autoAdvance = null) => new(Start, autoAdvance ?? Duration.FromSeconds(1));
}
