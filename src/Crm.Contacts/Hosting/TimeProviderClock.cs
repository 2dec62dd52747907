using NodaTime;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>A NodaTime <see cref="IClock"/> that reads the time from a .NET <see cref="TimeProvider"/>.</summary>
/// <remarks>Lets a host that already controls time through <see cref="TimeProvider"/> (for example a fake one in tests) drive CrmCore's clock too.</remarks>
internal sealed class TimeProviderClock : IClock
{
    private readonly TimeProvider _timeProvider;

    public TimeProviderClock(TimeProvider timeProvider) => _timeProvider = timeProvider;

    public Instant GetCurrentInstant() => Instant.FromDateTimeOffset(_timeProvider.GetUtcNow());
}
