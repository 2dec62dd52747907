using NodaTime;

namespace Crm.Metrics.Repeat;

/// <summary>
/// Reads the local day number (days since 1970-01-01) of instants in one zone, remembering the zone intervals it has
/// already asked the zone for, so that a stream of instants costs a range check and a division per instant instead of a
/// zone lookup.
/// </summary>
/// <remarks>
/// Gives exactly <see cref="LocalDays.Of"/>: a zone interval's wall offset is, by definition, the offset of every instant
/// in it. Intervals are kept sorted by start (at most <see cref="MaxIntervals"/>; beyond that the zone is asked again),
/// so instants in any order hit the cache once each interval has been seen; after that, reading allocates nothing.
/// Not thread-safe, like the accumulators that own one.
/// </remarks>
internal sealed class LocalDayReader
{
    /// <summary>How many zone intervals are remembered: a century of twice-yearly daylight-saving changes.</summary>
    public const int MaxIntervals = 256;

    private const long TicksPerDay = 864_000_000_000;

    private readonly DateTimeZone _zone;
    private long[] _starts = new long[2];
    private long[] _ends = new long[2];
    private long[] _offsets = new long[2];
    private int _count;

    // The interval of the last instant read, in Unix ticks [start, end), and its offset in ticks; empty at first.
    private long _start = long.MaxValue;
    private long _end = long.MinValue;
    private long _offset;

    /// <summary>Creates a reader for <paramref name="zone"/>.</summary>
    public LocalDayReader(DateTimeZone zone) => _zone = zone;

    /// <summary>The number of the local date of <paramref name="at"/> in the zone, in days since 1970-01-01.</summary>
    public int DayOf(Instant at)
    {
        // Unix ticks floor sub-tick nanoseconds, like Unix seconds do; offsets are whole seconds, so the day is the same.
        var ticks = at.ToUnixTimeTicks();
        if (ticks < _start || ticks >= _end)
        {
            Select(at, ticks);
        }

        return (int)FloorDiv(ticks + _offset, TicksPerDay);
    }

    private static long FloorDiv(long a, long b)
    {
        var q = a / b;
        return a < 0 && q * b != a ? q - 1 : q;
    }

    private void Select(Instant at, long ticks)
    {
        // The last interval whose start is at or before the instant, if it contains it.
        int lo = 0, hi = _count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_starts[mid] <= ticks)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        if (hi >= 0 && ticks < _ends[hi])
        {
            Use(_starts[hi], _ends[hi], _offsets[hi]);
            return;
        }

        var interval = _zone.GetZoneInterval(at);
        var start = interval.HasStart ? interval.Start.ToUnixTimeTicks() : long.MinValue;
        var end = interval.HasEnd ? interval.End.ToUnixTimeTicks() : long.MaxValue;
        var offset = interval.WallOffset.Ticks;
        Use(start, end, offset);

        // Insert after position hi unless it would overlap a neighbour (a zone's intervals never do; this only guards
        // the cache's invariant) or the cache is full.
        var at1 = hi + 1;
        if (_count == MaxIntervals || (hi >= 0 && _ends[hi] > start) || (at1 < _count && _starts[at1] < end))
        {
            return;
        }

        if (_count == _starts.Length)
        {
            Array.Resize(ref _starts, _count * 2);
            Array.Resize(ref _ends, _count * 2);
            Array.Resize(ref _offsets, _count * 2);
        }

        Array.Copy(_starts, at1, _starts, at1 + 1, _count - at1);
        Array.Copy(_ends, at1, _ends, at1 + 1, _count - at1);
        Array.Copy(_offsets, at1, _offsets, at1 + 1, _count - at1);
        _starts[at1] = start;
        _ends[at1] = end;
        _offsets[at1] = offset;
        _count++;
    }

    private void Use(long start, long end, long offset)
    {
        _start = start;
        _end = end;
        _offset = offset;
    }
}
