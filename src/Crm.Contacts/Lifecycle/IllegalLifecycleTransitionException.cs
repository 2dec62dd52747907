namespace Crm.Contacts.Lifecycle;

/// <summary>Thrown when a lifecycle move is not in the transition table (<see cref="LifecycleRules"/>).</summary>
/// <remarks>Nothing was written; the contact stays in <see cref="From"/>.</remarks>
public sealed class IllegalLifecycleTransitionException : CrmException
{
    /// <summary>The stable error code.</summary>
    public const string ErrorCode = "crm.illegal_lifecycle_transition";

    /// <summary>Creates the exception.</summary>
    public IllegalLifecycleTransitionException(ContactId contactId, LifecycleStage from, LifecycleStage to)
        : base(ErrorCode, $"Contact '{contactId}' cannot move from lifecycle stage {from} to {to}; allowed from {from}: {Describe(from)}.")
    {
        ContactId = contactId;
        From = from;
        To = to;
    }

    /// <summary>The contact.</summary>
    public ContactId ContactId { get; }

    /// <summary>The contact's current stage.</summary>
    public LifecycleStage From { get; }

    /// <summary>The refused target stage.</summary>
    public LifecycleStage To { get; }

    private static string Describe(LifecycleStage from)
    {
        var targets = LifecycleRules.AllowedTargets(from);
        return targets.Count == 0 ? "none" : string.Join(", ", targets);
    }
}
