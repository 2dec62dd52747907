using NodaTime;

namespace Crm.Interactions.Coverage;

/// <summary>The period relationship coverage looks at: the half-open [<see cref="From"/>, <see cref="To"/>), e.g. the last 90 days before now.</summary>
/// <remarks>
/// What counts is a timeline entry with a <see cref="Interaction.TeamMember"/> whose direction is
/// <see cref="InteractionDirection.Inbound"/> or <see cref="InteractionDirection.Outbound"/>: someone of the team and the
/// contact actually in touch. Internal entries (notes, status changes) do not count.
/// </remarks>
public sealed class CoverageWindow
{
    /// <summary>Creates the window.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="to"/> is not after <paramref name="from"/>.</exception>
    public CoverageWindow(Instant from, Instant to)
    {
        if (to <= from)
        {
            throw new ArgumentOutOfRangeException(nameof(to), to, "A coverage window must end after it starts.");
        }

        From = from;
        To = to;
    }

    /// <summary>The first instant included.</summary>
    public Instant From { get; }

    /// <summary>The instant the window ends before.</summary>
    public Instant To { get; }

    /// <summary>The <paramref name="days"/> days (of 24 hours) before <paramref name="asOf"/>: [<paramref name="asOf"/> − days, <paramref name="asOf"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is less than 1, or the window would start before the earliest instant.</exception>
    public static CoverageWindow LastDays(Instant asOf, int days)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        var length = Duration.FromDays(days);
        return asOf - Instant.MinValue < length
            ? throw new ArgumentOutOfRangeException(nameof(days), days, "The window must not start before Instant.MinValue.")
            : new CoverageWindow(asOf - length, asOf);
    }

    /// <summary>The period, e.g. <c>[2026-09-03T00:00:00Z, 2026-12-02T00:00:00Z)</c>.</summary>
    public override string ToString() => $"[{From}, {To})";
}
