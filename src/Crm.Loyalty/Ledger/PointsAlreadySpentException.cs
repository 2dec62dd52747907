namespace Crm.Loyalty.Ledger;

/// <summary>Thrown under <see cref="DebtPolicy.Refuse"/> when a reversal must take back points the member already spent; nothing was written.</summary>
public sealed class PointsAlreadySpentException : CrmException
{
    /// <summary>The stable error code.</summary>
    public const string ErrorCode = "crm.loyalty.points_already_spent";

    /// <summary>Creates the exception.</summary>
    public PointsAlreadySpentException(ContactId contactId, long toReverse, long held)
        : base(ErrorCode, $"The reversal must take back {toReverse} points but member '{contactId}' holds {held}; the program's debt policy is Refuse, so nothing was written.")
    {
        ContactId = contactId;
        ToReverse = toReverse;
        Held = held;
    }

    /// <summary>The member.</summary>
    public ContactId ContactId { get; }

    /// <summary>The points the reversal had to take back.</summary>
    public long ToReverse { get; }

    /// <summary>The points the member held.</summary>
    public long Held { get; }
}
