namespace Crm.Loyalty.Program;

/// <summary>How a rule combines with the others that apply to the same line, evaluated in priority order.</summary>
public enum RuleStacking
{
    /// <summary>Combines with every other applicable stackable rule (spend rates add up, multipliers multiply).</summary>
    Stackable = 0,

    /// <summary>Applies alone when it is the first applicable rule in priority order; skipped when a higher-priority rule already applied.</summary>
    Exclusive = 1,
}
