namespace Crm.Loyalty.Ledger;

/// <summary>The rules, rates and tier an earning (or a reversal) was computed with, stored on the entry so nothing is ever recomputed with today's configuration.</summary>
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

    /// <summary>The member's stored tier when the purchase earned (copied onto its reversals), or <see langword="null"/> when the member held none.</summary>
    public string? TierId { get; init; }

    /// <summary>The tier's earning multiplier that was applied (already included in each line's <see cref="EarnedLine.Multiplier"/>); 1 when none.</summary>
    public decimal TierMultiplier { get; init; } = 1m;
}
