namespace Crm.Contacts.Import;

/// <summary>The outcome of one imported row. Holds ids, field names and rules, never the row's values.</summary>
public sealed record ImportRow
{
    /// <summary>The 1-based position of the row in the input.</summary>
    public required int Row { get; init; }

    /// <summary>What happened to the row.</summary>
    public required ImportRowOutcome Outcome { get; init; }

    /// <summary>The created contact, or for <see cref="ImportRowOutcome.AlreadyImported"/> the contact created with the same idempotency key.</summary>
    public ContactId? ContactId { get; init; }

    /// <summary>The existing contacts the row duplicates (under <see cref="RuleIndex"/>); empty otherwise.</summary>
    public IReadOnlyList<ContactId> DuplicateOfContactIds { get; init; } = [];

    /// <summary>The earlier row of the same import the row duplicates, if any.</summary>
    public int? DuplicateOfRow { get; init; }

    /// <summary>The index of the matching duplicate rule, when the row is a duplicate.</summary>
    public int? RuleIndex { get; init; }

    /// <summary>The draft field that breaks a rule, e.g. <c>Emails[1]</c>, for <see cref="ImportRowOutcome.Invalid"/>.</summary>
    public string? Field { get; init; }

    /// <summary>The rule the field breaks, for <see cref="ImportRowOutcome.Invalid"/>.</summary>
    public string? Error { get; init; }
}
