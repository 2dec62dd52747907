namespace Crm.Interactions.FollowUps;

/// <summary>Thrown when a follow-up command breaks a rule about time (due before it is created, completed before it was created or in the future); the message names the field and the rule, nothing was written.</summary>
public sealed class InvalidFollowUpException : CrmException
{
    /// <summary>The stable error code.</summary>
    public const string ErrorCode = "crm.interactions.invalid_follow_up";

    /// <summary>Creates the exception.</summary>
    public InvalidFollowUpException(string field, string rule)
        : base(ErrorCode, $"{field}: {rule}")
    {
        Field = field;
        Rule = rule;
    }

    /// <summary>The field, such as <c>draft.DueAt</c>.</summary>
    public string Field { get; }

    /// <summary>The rule it broke.</summary>
    public string Rule { get; }
}
