namespace Crm.Contacts.Duplicates;

/// <summary>Duplicate detection settings (<see cref="ContactOptions.Duplicates"/>): the rules, the per-value candidate limit and what create does on a match.</summary>
/// <remarks>
/// <para>Validated at start-up: when <see cref="Enabled"/>, the rule set must not be empty, no rule may be null, and the
/// registered store must implement <see cref="Storage.IContactDuplicateIndex"/>.</para>
/// <para>The default rules are <c>[[Email], [Phone], [GivenName, FamilyName, Birthday]]</c>: a shared address or number
/// is strong evidence, a shared name alone is not (two different people called John Smith are common), so names count
/// only together with the birthday. Hosts that want name-only matching add <c>[GivenName, FamilyName]</c>.</para>
/// </remarks>
public sealed class DuplicateOptions
{
    /// <summary>The largest allowed <see cref="MaxCandidatesPerKey"/>.</summary>
    public const int MaxCandidatesLimit = 1000;

    /// <summary>Whether duplicate detection is on (create checks, import checks, explicit checks). Default <see langword="false"/>.</summary>
    public bool Enabled { get; set; }

    /// <summary>The rule set: a pair of contacts is a duplicate when ALL criteria of ANY rule match. Order matters only for reporting: a match names the first rule that matched.</summary>
    public IReadOnlyList<DuplicateRule> Rules { get; set; } =
    [
        new(DuplicateCriterion.Email),
        new(DuplicateCriterion.Phone),
        new(DuplicateCriterion.GivenName, DuplicateCriterion.FamilyName, DuplicateCriterion.Birthday),
    ];

    /// <summary>A value shared by more than this many contacts (a common first name, a shared office phone) is ignored rather than matched (1–<see cref="MaxCandidatesLimit"/>, default 50).</summary>
    /// <remarks>Ignored values are reported in <see cref="DuplicateCheckResult.SkippedKeys"/>.</remarks>
    public int MaxCandidatesPerKey { get; set; } = 50;

    /// <summary>What <see cref="ContactManager.CreateAsync"/> does on a match. Default <see cref="DuplicateCreateAction.Flag"/>.</summary>
    public DuplicateCreateAction OnCreate { get; set; } = DuplicateCreateAction.Flag;

    /// <summary>Every rule these options break, as messages naming the setting and the rule; empty when valid.</summary>
    internal IReadOnlyList<string> Validate()
    {
        var failures = new List<string>();
        if (MaxCandidatesPerKey is < 1 or > MaxCandidatesLimit)
        {
            failures.Add($"ContactOptions.Duplicates.MaxCandidatesPerKey must be between 1 and {MaxCandidatesLimit} (was {MaxCandidatesPerKey}).");
        }

        if (!Enum.IsDefined(OnCreate))
        {
            failures.Add($"ContactOptions.Duplicates.OnCreate must be a defined DuplicateCreateAction (was {(int)OnCreate}).");
        }

        if (Rules is null)
        {
            failures.Add("ContactOptions.Duplicates.Rules must not be null.");
        }
        else
        {
            if (Enabled && Rules.Count == 0)
            {
                failures.Add("ContactOptions.Duplicates.Rules must contain at least one rule when duplicate detection is enabled.");
            }

            for (var i = 0; i < Rules.Count; i++)
            {
                if (Rules[i] is null)
                {
                    failures.Add($"ContactOptions.Duplicates.Rules[{i}] must not be null.");
                }
            }
        }

        return failures;
    }
}
