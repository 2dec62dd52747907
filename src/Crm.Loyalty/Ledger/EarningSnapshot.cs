namespace Crm.Loyalty.Ledger;

/// <summary>The rules and rates an earning (or a reversal) was computed with, stored on the entry so nothing is ever recomputed with today's configuration.</summary>
public sealed record EarningSnapshot
{
    /// <summary>Creates the snapshot.</summary>
    /// <exception cref="ArgumentException"><paramref name="programId"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="lines"/> is null.</exception>
    public EarningSnapshot(string programId, Program.PointsRounding rounding, IReadOnlyList<EarnedLine> lines, long cappedPoints)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(programId);
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentOutOfRangeException.ThrowIfNegative(cappedPoints);
        ProgramId = programId;
        Rounding = rounding;
        Lines = lines;
        CappedPoints = cappedPoints;
    }

    /// <summary>The program.</summary>
    public string ProgramId { get; }

    /// <summary>The rounding mode used.</summary>
    public Program.PointsRounding Rounding { get; }

    /// <summary>The lines, in the order given.</summary>
    public IReadOnlyList<EarnedLine> Lines { get; }

    /// <summary>Points the rules gave but a cap withheld.</summary>
    public long CappedPoints { get; }
}
