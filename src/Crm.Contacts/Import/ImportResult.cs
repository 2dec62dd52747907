namespace Crm.Contacts.Import;

/// <summary>The outcome of an import: one <see cref="ImportRow"/> per input row, in input order, with views by outcome.</summary>
public sealed class ImportResult
{
    internal ImportResult(IReadOnlyList<ImportRow> rows)
    {
        Rows = rows;
        Created = rows.Where(r => r.Outcome == ImportRowOutcome.Created).ToArray();
        DuplicatesOfExisting = rows.Where(r => r.Outcome == ImportRowOutcome.DuplicateOfExisting).ToArray();
        DuplicatesWithinImport = rows.Where(r => r.Outcome == ImportRowOutcome.DuplicateWithinImport).ToArray();
        AlreadyImported = rows.Where(r => r.Outcome == ImportRowOutcome.AlreadyImported).ToArray();
        Errors = rows.Where(r => r.Outcome == ImportRowOutcome.Invalid).ToArray();
    }

    /// <summary>Every row, in input order.</summary>
    public IReadOnlyList<ImportRow> Rows { get; }

    /// <summary>The rows that created a contact.</summary>
    public IReadOnlyList<ImportRow> Created { get; }

    /// <summary>The rows skipped as duplicates of existing contacts.</summary>
    public IReadOnlyList<ImportRow> DuplicatesOfExisting { get; }

    /// <summary>The rows skipped as duplicates of an earlier row.</summary>
    public IReadOnlyList<ImportRow> DuplicatesWithinImport { get; }

    /// <summary>The rows skipped because their idempotency key was already used.</summary>
    public IReadOnlyList<ImportRow> AlreadyImported { get; }

    /// <summary>The rows with a value that breaks a rule.</summary>
    public IReadOnlyList<ImportRow> Errors { get; }

    /// <summary>The counts of each outcome.</summary>
    public override string ToString() => $"ImportResult ({Rows.Count} row(s): {Created.Count} created, {DuplicatesOfExisting.Count} duplicate(s) of existing, {DuplicatesWithinImport.Count} duplicate(s) within the import, {AlreadyImported.Count} already imported, {Errors.Count} error(s))";
}
