namespace Crm.Loyalty.Ledger;

/// <summary>Thrown when a command names an entry (an earning to refund, a redemption to reverse) that the member's ledger does not hold.</summary>
public sealed class LedgerEntryNotFoundException : CrmException
{
    /// <summary>The stable error code.</summary>
    public const string ErrorCode = "crm.loyalty.entry_not_found";

    /// <summary>Creates the exception for the entry found by <paramref name="reference"/> (an id or an idempotency key).</summary>
    public LedgerEntryNotFoundException(string reference, string expected)
        : base(ErrorCode, $"No {expected} entry '{reference}' exists for this member; nothing was written.")
    {
        Reference = reference;
    }

    /// <summary>The id or key that was looked up.</summary>
    public string Reference { get; }
}
