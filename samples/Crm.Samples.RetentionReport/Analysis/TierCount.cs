namespace Crm.Samples.RetentionReport.Analysis;

/// <summary>How many members a tier has.</summary>
/// <param name="Tier">The tier id.</param>
/// <param name="Members">Its members.</param>
internal sealed record TierCount(string Tier, int Members);
