using NodaTime;

namespace Crm.Loyalty.Program;

/// <summary>A purchase to earn points on, as a host or Crm.Interactions reports it.</summary>
/// <remarks>The accrual's idempotency key is derived from <see cref="SourceType"/> and <see cref="SourceId"/>
/// (<see cref="Ledger.LedgerKeys.Earning"/>), so a redelivered purchase never earns twice; each line's rule, rate and
/// points are kept in the entry's snapshot.</remarks>
public sealed record Purchase
{
    /// <summary>Creates the purchase.</summary>
    /// <exception cref="ArgumentException">An id is empty or unusable in a key, there is no line, or a line id repeats.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="lines"/> is null.</exception>
    public Purchase(string sourceId, Instant occurredAt, IReadOnlyList<PurchaseLine> lines, string sourceType = "purchase")
    {
        Ledger.LedgerKeys.ValidatePart(sourceType, nameof(sourceType));
        Ledger.LedgerKeys.ValidatePart(sourceId, nameof(sourceId));
        ArgumentNullException.ThrowIfNull(lines);
        if (lines.Count == 0 || lines.Any(l => l is null))
        {
            throw new ArgumentException("A purchase has at least one line and no null line.", nameof(lines));
        }

        if (lines.Select(l => l.LineId).Distinct(StringComparer.Ordinal).Count() != lines.Count)
        {
            throw new ArgumentException("A purchase's line ids must be unique.", nameof(lines));
        }

        SourceType = sourceType;
        SourceId = sourceId;
        OccurredAt = occurredAt;
        Lines = lines;
    }

    /// <summary>The kind of source (for example <c>purchase</c>, <c>order</c>, <c>pos-receipt</c>).</summary>
    public string SourceType { get; }

    /// <summary>The host's id of the purchase.</summary>
    public string SourceId { get; }

    /// <summary>When the purchase happened: its local date in the program's zone decides campaign windows and whether the program runs.</summary>
    public Instant OccurredAt { get; }

    /// <summary>The lines.</summary>
    public IReadOnlyList<PurchaseLine> Lines { get; }

    /// <summary>How it was paid; empty means entirely with <see cref="TenderKind.Standard"/> tenders.</summary>
    public IReadOnlyList<Tender> Tenders { get; init; } = [];
}
