using NodaTime;

namespace Crm;

/// <summary>A NodaTime <see cref="IClock"/> that reads the time from a .NET <see cref="TimeProvider"/>.</summary>
/// <remarks>
/// <c>AddCrm()</c> registers it as the default <see cref="IClock"/>, so a host that already controls time through
/// <see cref="TimeProvider"/> (for example a fake one in tests) drives CrmCore's clock too.
/// </remarks>
public sealed class TimeProviderClock : IClock
{
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates a clock over <paramref name="timeProvider"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="timeProvider"/> is null.</exception>
    public TimeProviderClock(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
    }

    /// <inheritdoc />
    public Instant GetCurrentInstant() => Instant.FromDateTimeOffset(_timeProvider.GetUtcNow());
}
