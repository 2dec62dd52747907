namespace Crm.Metrics.Feedback;

/// <summary>The group a 0–10 "how likely are you to recommend us" answer falls in.</summary>
public enum NpsCategory
{
    /// <summary>An answer of 0 to 6.</summary>
    Detractor = 1,

    /// <summary>An answer of 7 or 8: counted in the denominator, in neither share.</summary>
    Passive = 2,

    /// <summary>An answer of 9 or 10.</summary>
    Promoter = 3,
}
