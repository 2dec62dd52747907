namespace Crm.Loyalty.Ledger;

/// <summary>A debit entry (a reversal under <see cref="DebtPolicy.AllowNegativeBalance"/>) whose points were not all covered by lots.</summary>
/// <param name="EntryId">The debit entry.</param>
/// <param name="Outstanding">Points still owed (positive).</param>
public sealed record DebtBalance(LedgerEntryId EntryId, long Outstanding);
