namespace Crm.Contacts.Import;

/// <summary>Settings of one <see cref="ContactImporter.ImportAsync(TenantId, IAsyncEnumerable{ContactDraft}, ImportOptions?, CancellationToken)"/> call.</summary>
public sealed class ImportOptions
{
    /// <summary>The largest allowed <see cref="BatchSize"/>.</summary>
    public const int MaxBatchSize = 1000;

    /// <summary>The default options.</summary>
    public static ImportOptions Default { get; } = new();

    /// <summary>How many contacts each atomic change set writes (1–<see cref="MaxBatchSize"/>, default 500).</summary>
    public int BatchSize { get; init; } = 500;

    /// <summary>Whether a row that duplicates an existing contact is skipped (default) or created and flagged in its <see cref="ImportRow"/>.</summary>
    public bool SkipDuplicatesOfExisting { get; init; } = true;

    /// <summary>Whether a row that duplicates an earlier row of the same import is skipped (default) or created and flagged.</summary>
    public bool SkipDuplicatesWithinImport { get; init; } = true;
}
