namespace Crm.Contacts.Duplicates;

/// <summary>The outcome of a duplicate check: the matching contacts, and the values that were ignored because too many contacts share them.</summary>
/// <param name="Matches">One entry per matching contact, ordered by rule index then contact id.</param>
/// <param name="SkippedKeys">Values shared by more than <see cref="DuplicateOptions.MaxCandidatesPerKey"/> contacts; they were treated as matching nobody.</param>
public sealed record DuplicateCheckResult(IReadOnlyList<DuplicateMatch> Matches, IReadOnlyList<DuplicateKey> SkippedKeys)
{
    /// <summary>A result with no match and nothing skipped.</summary>
    public static DuplicateCheckResult None { get; } = new([], []);

    /// <summary>Whether any contact matched.</summary>
    public bool IsDuplicate => Matches.Count > 0;
}
