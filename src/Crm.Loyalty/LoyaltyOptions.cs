using Crm.Loyalty.Program;

namespace Crm.Loyalty;

/// <summary>Options of the loyalty package, validated when the host starts.</summary>
public sealed class LoyaltyOptions
{
    /// <summary>The largest allowed <see cref="MaxConflictRetries"/>.</summary>
    public const int MaxRetriesLimit = 10_000;

    /// <summary>The program every tenant's members earn under; required.</summary>
    public LoyaltyProgram? Program { get; set; }

    /// <summary>How many times a command re-reads the member's ledger and re-decides after a concurrent writer moved the balance first (default 100).</summary>
    /// <remarks>A conflict means another command on the same member committed, so retrying always makes progress; the
    /// limit only bounds the wait under extreme contention, after which the <see cref="ConcurrencyConflictException"/> is thrown.</remarks>
    public int MaxConflictRetries { get; set; } = 100;
}
