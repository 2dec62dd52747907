namespace Crm.Contacts.Duplicates;

/// <summary>Thrown when a new contact matches existing ones under the duplicate rules and <see cref="DuplicateOptions.OnCreate"/> is <see cref="DuplicateCreateAction.Reject"/>.</summary>
/// <remarks>Nothing was written. The message names ids and the rule's criteria, never the matching values.</remarks>
public sealed class DuplicateContactException : CrmException
{
    /// <summary>The stable error code.</summary>
    public const string ErrorCode = "crm.duplicate_contact";

    /// <summary>Creates the exception.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="existingContactIds"/> is empty.</exception>
    public DuplicateContactException(IReadOnlyList<ContactId> existingContactIds, int ruleIndex, DuplicateRule rule)
        : base(ErrorCode, BuildMessage(existingContactIds, ruleIndex, rule))
    {
        ExistingContactIds = existingContactIds;
        RuleIndex = ruleIndex;
        Rule = rule;
    }

    /// <summary>The existing contacts the new one matches under <see cref="Rule"/>.</summary>
    public IReadOnlyList<ContactId> ExistingContactIds { get; }

    /// <summary>The index of the matching rule in <see cref="DuplicateOptions.Rules"/>.</summary>
    public int RuleIndex { get; }

    /// <summary>The matching rule.</summary>
    public DuplicateRule Rule { get; }

    private static string BuildMessage(IReadOnlyList<ContactId> ids, int ruleIndex, DuplicateRule rule)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(rule);
        if (ids.Count == 0)
        {
            throw new ArgumentException("A duplicate needs at least one existing contact id.", nameof(ids));
        }

        return $"The contact matches {ids.Count} existing contact(s) under duplicate rule {ruleIndex} ({rule.Name}); nothing was written. Existing: {string.Join(", ", ids)}.";
    }
}
