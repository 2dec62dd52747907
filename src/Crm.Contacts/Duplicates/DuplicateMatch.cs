namespace Crm.Contacts.Duplicates;

/// <summary>An existing contact that matches the checked one, and the first rule under which it does.</summary>
/// <param name="ContactId">The existing (active) contact.</param>
/// <param name="RuleIndex">The index of the matching rule in <see cref="DuplicateOptions.Rules"/>.</param>
/// <param name="Rule">The matching rule.</param>
public sealed record DuplicateMatch(ContactId ContactId, int RuleIndex, DuplicateRule Rule);
