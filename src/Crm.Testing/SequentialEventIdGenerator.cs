using Crm.Events;

namespace Crm.Testing;

/// <summary>A deterministic <see cref="ICrmEventIdGenerator"/> for tests: ids <c>00000000-0000-7000-8000-000000000001</c>, <c>…2</c>, … in call order.</summary>
/// <remarks>Thread-safe; ids sort in the order they were made, like the time-ordered ids of the default generator.</remarks>
public sealed class SequentialEventIdGenerator : ICrmEventIdGenerator
{
    private long _last;

    /// <summary>How many ids this generator has made.</summary>
    public long Count => Interlocked.Read(ref _last);

    /// <summary>The id that the <paramref name="number"/>th call of <see cref="NewId"/> returns (1-based).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="number"/> is not positive.</exception>
    public static CrmEventId IdNumber(long number)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        return new CrmEventId(Guid.Parse($"00000000-0000-7000-8000-{number:x12}", System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <inheritdoc />
    public CrmEventId NewId() => IdNumber(Interlocked.Increment(ref _last));
}
