using Crm.Metrics.Repeat;
using NodaTime;

namespace Crm.Metrics;

/// <summary>Which purchases a calculator reads: those whose day, in a zone, lies between an optional first and an optional last day (both inclusive).</summary>
/// <remarks>
/// An instant purchase's day is its local date in <see cref="Zone"/>; a date-only purchase's day is its date. A window with no
/// <see cref="Start"/> is open at the start ("everything up to <see cref="End"/>"), one with no <see cref="End"/> is open
/// at the end. Purchases outside the window are not errors: calculators skip them and count them by side
/// (<see cref="PurchaseCounts"/>).
/// </remarks>
public sealed class PurchaseWindow : IEquatable<PurchaseWindow>
{
    private PurchaseWindow(DateTimeZone zone, LocalDate? start, LocalDate? end)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if ((start is { } s && s.Calendar != CalendarSystem.Iso) || (end is { } e && e.Calendar != CalendarSystem.Iso))
        {
            throw new ArgumentException("The days of a purchase window must be in the ISO calendar.", start is { } s2 && s2.Calendar != CalendarSystem.Iso ? nameof(start) : nameof(end));
        }

        if (start is { } first && end is { } last && first > last)
        {
            throw new ArgumentOutOfRangeException(nameof(end), last, $"The last day of a purchase window ({last:uuuu-MM-dd}) must not be before its first day ({first:uuuu-MM-dd}).");
        }

        Zone = zone;
        Start = start;
        End = end;
        StartDay = start is { } a ? LocalDays.FromDate(a) : int.MinValue;
        EndDay = end is { } b ? LocalDays.FromDate(b) : int.MaxValue;
    }

    /// <summary>The zone an instant purchase's day is read in.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>The first day read, inclusive, or <see langword="null"/> when the window is open at the start.</summary>
    public LocalDate? Start { get; }

    /// <summary>The last day read, inclusive, or <see langword="null"/> when the window is open at the end.</summary>
    public LocalDate? End { get; }

    internal int StartDay { get; }

    internal int EndDay { get; }

    /// <summary>Every purchase, with days read in <paramref name="zone"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is null.</exception>
    public static PurchaseWindow All(DateTimeZone zone) => new(zone, null, null);

    /// <summary>The purchases up to and including <paramref name="end"/> (open at the start).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="end"/> is not in the ISO calendar.</exception>
    public static PurchaseWindow Through(LocalDate end, DateTimeZone zone) => new(zone, null, end);

    /// <summary>The purchases from <paramref name="start"/> on (open at the end).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="start"/> is not in the ISO calendar.</exception>
    public static PurchaseWindow From(LocalDate start, DateTimeZone zone) => new(zone, start, null);

    /// <summary>The purchases from <paramref name="start"/> to <paramref name="end"/>, both inclusive; either may be <see langword="null"/> for an open side.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is null.</exception>
    /// <exception cref="ArgumentException">A day is not in the ISO calendar.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="end"/> is before <paramref name="start"/>.</exception>
    public static PurchaseWindow Between(LocalDate? start, LocalDate? end, DateTimeZone zone) => new(zone, start, end);

    /// <summary>Whether <paramref name="purchase"/>'s day lies in the window.</summary>
    public bool Contains<TCustomer>(Purchase<TCustomer> purchase)
        where TCustomer : notnull
    {
        var day = LocalDays.Of(purchase, Zone);
        return day >= StartDay && day <= EndDay;
    }

    /// <inheritdoc />
    public bool Equals(PurchaseWindow? other) => other is not null && Zone.Equals(other.Zone) && Start == other.Start && End == other.End;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as PurchaseWindow);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Zone, Start, End);

    /// <summary>The window as "2024-01-01..2024-12-31 (Europe/Paris)", with "…" for an open side.</summary>
    public override string ToString() => $"{(Start is { } s ? s.ToString("uuuu-MM-dd", null) : "…")}..{(End is { } e ? e.ToString("uuuu-MM-dd", null) : "…")} ({Zone.Id})";
}
