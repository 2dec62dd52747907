using System.Buffers.Binary;
using System.Security.Cryptography;
using NodaTime;

namespace Crm.Events;

/// <summary>The default <see cref="ICrmEventIdGenerator"/>: RFC 9562 version 7 UUIDs from the injected <see cref="IClock"/>.</summary>
/// <remarks>
/// The first 48 bits are the Unix time in milliseconds, the next 12 a counter within the millisecond, the rest random. Ids
/// from one instance are strictly increasing, also when the clock stands still or steps back (the last time is reused).
/// </remarks>
public sealed class TimeOrderedEventIdGenerator : ICrmEventIdGenerator
{
    private readonly IClock _clock;
    private readonly Lock _gate = new();
    private long _lastMillis = long.MinValue;
    private int _counter;

    /// <summary>Creates the generator.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="clock"/> is null.</exception>
    public TimeOrderedEventIdGenerator(IClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        _clock = clock;
    }

    /// <inheritdoc />
    public CrmEventId NewId()
    {
        long millis;
        int counter;
        lock (_gate)
        {
            millis = Math.Max(_clock.GetCurrentInstant().ToUnixTimeMilliseconds(), 0);
            if (millis > _lastMillis)
            {
                _lastMillis = millis;
                _counter = 0;
            }
            else if (++_counter > 0xFFF)
            {
                _lastMillis++; // borrow the next millisecond rather than repeat or go back
                _counter = 0;
            }

            millis = _lastMillis;
            counter = _counter;
        }

        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes[8..]);
        BinaryPrimitives.WriteInt64BigEndian(bytes, millis << 16);
        bytes[6] = (byte)(0x70 | ((counter >> 8) & 0x0F));
        bytes[7] = (byte)counter;
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new CrmEventId(new Guid(bytes, bigEndian: true));
    }
}
