namespace Crm.Interactions.FollowUps;

/// <summary>Follow-up settings: the chaining rules.</summary>
public sealed class FollowUpOptions
{
    /// <summary>What completing a follow-up with a given outcome leads to; at most one rule per outcome, none by default.</summary>
    public IList<FollowUpChainRule> ChainRules { get; } = [];

    /// <summary>The rule for <paramref name="outcome"/>, or <see langword="null"/>.</summary>
    public FollowUpChainRule? RuleFor(FollowUpOutcome outcome) => ChainRules.FirstOrDefault(r => r is not null && r.Outcome == outcome);

    /// <summary>The broken rules, each naming the field.</summary>
    public IEnumerable<string> Validate()
    {
        var seen = new HashSet<FollowUpOutcome>();
        for (var i = 0; i < ChainRules.Count; i++)
        {
            if (ChainRules[i] is not { } rule)
            {
                yield return $"FollowUpOptions.ChainRules[{i}] must not be null.";
                continue;
            }

            foreach (var failure in rule.Validate(i))
            {
                yield return failure;
            }

            if (!seen.Add(rule.Outcome))
            {
                yield return $"FollowUpOptions.ChainRules has two rules for the outcome {rule.Outcome}; keep one.";
            }
        }
    }
}
