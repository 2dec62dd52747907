using NodaTime;

namespace Crm.Interactions.FollowUps;

/// <summary>A chaining rule, as Odoo's activity chaining: when a follow-up is completed with <see cref="Outcome"/>, the next follow-up is suggested or created, due after <see cref="Delay"/> or <see cref="BusinessDays"/>.</summary>
/// <remarks>
/// Configured in <see cref="FollowUpOptions.ChainRules"/> (at most one rule per outcome) and validated at start-up. The next
/// follow-up keeps the contact, case and assignee, has attempt number one more than the completed one, and is made only
/// while that number is at most <see cref="MaxAttempts"/> — so "no answer → retry in 2 business days, at most 3 attempts"
/// stops after the third unanswered call.
/// </remarks>
public sealed class FollowUpChainRule
{
    /// <summary>The most business days a rule may wait.</summary>
    public const int MaxBusinessDays = 366;

    /// <summary>The largest <see cref="MaxAttempts"/>.</summary>
    public const int MaxAttemptsLimit = 100;

    /// <summary>The outcome the rule reacts to.</summary>
    public FollowUpOutcome Outcome { get; set; }

    /// <summary>Whether the next follow-up is only suggested (default) or created with the completion.</summary>
    public FollowUpChainMode Mode { get; set; } = FollowUpChainMode.Suggest;

    /// <summary>How long after the completion the next follow-up is due, in elapsed time; set this or <see cref="BusinessDays"/>.</summary>
    public Duration? Delay { get; set; }

    /// <summary>How many business days after the completion the next follow-up is due, at the same local time, in the tenant's business calendar (the SLA policy's, else every day counts); set this or <see cref="Delay"/>.</summary>
    public int? BusinessDays { get; set; }

    /// <summary>The highest attempt number a chain reaches through this rule (default 3; 1–100).</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>The reason of the next follow-up (a label in the team's words, at most 500 characters; default names the outcome).</summary>
    public string? Reason { get; set; }

    /// <summary>The broken rules, each naming the field.</summary>
    public IEnumerable<string> Validate(int index)
    {
        var name = $"FollowUpOptions.ChainRules[{index}]";
        if (!Enum.IsDefined(Outcome))
        {
            yield return $"{name}.Outcome must be a defined FollowUpOutcome value (was {Outcome}).";
        }

        if (!Enum.IsDefined(Mode))
        {
            yield return $"{name}.Mode must be Suggest or Create (was {Mode}).";
        }

        if (Delay is null == BusinessDays is null)
        {
            yield return $"{name} must set exactly one of Delay and BusinessDays.";
        }

        if (Delay is { } delay && delay <= Duration.Zero)
        {
            yield return $"{name}.Delay must be positive (was {delay}).";
        }

        if (BusinessDays is { } days && days is < 1 or > MaxBusinessDays)
        {
            yield return $"{name}.BusinessDays must be between 1 and {MaxBusinessDays} (was {days}).";
        }

        if (MaxAttempts is < 2 or > MaxAttemptsLimit)
        {
            yield return $"{name}.MaxAttempts must be between 2 and {MaxAttemptsLimit} (was {MaxAttempts}): the next follow-up is attempt 2 at least.";
        }

        if (Reason is not null && (string.IsNullOrWhiteSpace(Reason) || Reason.Length > FollowUp.MaxReasonLength || Reason.Any(char.IsControl)))
        {
            yield return $"{name}.Reason must be null or 1 to {FollowUp.MaxReasonLength} characters without control characters.";
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"{Outcome} -> {Mode} after {(Delay is { } d ? d.ToString() : $"{BusinessDays} business day(s)")}, at most {MaxAttempts} attempts";
}
