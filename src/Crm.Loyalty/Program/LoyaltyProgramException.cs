namespace Crm.Loyalty.Program;

/// <summary>Thrown when a loyalty program definition breaks a rule (a rounding mode left unset, a negative rate, …).</summary>
public sealed class LoyaltyProgramException : CrmException
{
    /// <summary>The stable error code.</summary>
    public const string ErrorCode = "crm.loyalty.invalid_program";

    /// <summary>Creates the exception listing <paramref name="failures"/>.</summary>
    public LoyaltyProgramException(string programId, IReadOnlyList<string> failures)
        : base(ErrorCode, $"The loyalty program '{programId}' is invalid: {string.Join(" ", failures ?? [])}")
    {
        ProgramId = programId;
        Failures = failures ?? [];
    }

    /// <summary>The program.</summary>
    public string ProgramId { get; }

    /// <summary>Every broken rule.</summary>
    public IReadOnlyList<string> Failures { get; }
}
