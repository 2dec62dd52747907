namespace Crm.Contacts.Merging;

/// <summary>How a merge decided one field: the policy applied and whose values make up the result (ids only, never values).</summary>
/// <param name="Field">The <see cref="Contact"/> property, e.g. <c>Emails</c>.</param>
/// <param name="Policy">The policy applied, or <see langword="null"/> for a fixed rule (consent history, lifecycle log, creation time).</param>
/// <param name="ValueFrom">The contacts whose values the result holds, survivor first; empty when the result has no value.</param>
/// <param name="Changed">Whether the survivor's value changed.</param>
public sealed record MergeFieldDecision(string Field, MergeFieldPolicy? Policy, IReadOnlyList<ContactId> ValueFrom, bool Changed);
