namespace Crm.Loyalty.Ledger;

/// <summary>Thrown when a debit needs more available points than the member holds; nothing was written.</summary>
public sealed class InsufficientPointsException : CrmException
{
    /// <summary>The stable error code.</summary>
    public const string ErrorCode = "crm.loyalty.insufficient_points";

    /// <summary>Creates the exception.</summary>
    public InsufficientPointsException(ContactId contactId, long requested, long available)
        : base(ErrorCode, $"Member '{contactId}' has {available} available points; {requested} were requested. Nothing was written.")
    {
        ContactId = contactId;
        Requested = requested;
        Available = available;
    }

    /// <summary>The member.</summary>
    public ContactId ContactId { get; }

    /// <summary>The points the debit needed.</summary>
    public long Requested { get; }

    /// <summary>The points available when the debit was decided.</summary>
    public long Available { get; }
}
