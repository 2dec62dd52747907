using NodaTime;

namespace Crm.Loyalty.Program;

/// <summary>Thrown when points would be earned on a date the program does not run (it has ended or not started); nothing was written.</summary>
public sealed class ProgramNotActiveException : CrmException
{
    /// <summary>The stable error code.</summary>
    public const string ErrorCode = "crm.loyalty.program_not_active";

    /// <summary>Creates the exception.</summary>
    public ProgramNotActiveException(string programId, LocalDate date)
        : base(ErrorCode, $"The loyalty program '{programId}' does not earn on {date:uuuu-MM-dd} (it has ended or not started); nothing was written.")
    {
        ProgramId = programId;
        Date = date;
    }

    /// <summary>The program.</summary>
    public string ProgramId { get; }

    /// <summary>The local date of the earning.</summary>
    public LocalDate Date { get; }
}
