using NodaTime;

namespace Crm.Interactions.Support;

/// <summary>One entry of a case's status history: the status it entered and when.</summary>
public sealed class CaseStatusChange
{
    /// <summary>Creates the entry.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The status is not defined.</exception>
    public CaseStatusChange(CaseStatus status, Instant at)
    {
        Status = EnumRules.Check(status, nameof(status));
        At = at;
    }

    /// <summary>The status entered.</summary>
    public CaseStatus Status { get; }

    /// <summary>When.</summary>
    public Instant At { get; }

    /// <summary>The status and instant.</summary>
    public override string ToString() => $"{Status} at {At}";
}
