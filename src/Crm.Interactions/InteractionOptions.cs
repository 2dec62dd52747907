using Crm.Interactions.Automation;
using Crm.Interactions.Feedback;
using Crm.Interactions.FollowUps;
using Crm.Interactions.Support;

namespace Crm.Interactions;

/// <summary>Settings of the interactions package, configured with <c>builder.AddInteractions(o => …)</c> and validated at start-up.</summary>
public sealed class InteractionOptions
{
    /// <summary>How long idempotency keys are kept at least (default 7 days; must be positive).</summary>
    public NodaTime.Duration IdempotencyKeyRetention { get; set; } = NodaTime.Duration.FromDays(7);

    /// <summary>Support cases: tracking codes, SLA, related cases.</summary>
    public SupportOptions Support { get; } = new();

    /// <summary>Feedback: the detractor threshold.</summary>
    public FeedbackOptions Feedback { get; } = new();

    /// <summary>Follow-ups: the chaining rules.</summary>
    public FollowUpOptions FollowUps { get; } = new();

    /// <summary>Case-opened automation: follow-up rules, teams, the acknowledgement and its helpful links.</summary>
    public CaseAutomationOptions Automation { get; } = new();

    /// <summary>The broken rules, each naming the field; empty when valid.</summary>
    public IEnumerable<string> Validate()
    {
        if (IdempotencyKeyRetention <= NodaTime.Duration.Zero)
        {
            yield return $"InteractionOptions.IdempotencyKeyRetention must be positive (was {IdempotencyKeyRetention}).";
        }

        foreach (var failure in Support.Validate().Concat(Feedback.Validate()).Concat(FollowUps.Validate()).Concat(Automation.Validate()))
        {
            yield return failure;
        }
    }
}
