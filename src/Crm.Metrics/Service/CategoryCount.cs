namespace Crm.Metrics.Service;

/// <summary>How many cases had one category.</summary>
/// <param name="Category">The category.</param>
/// <param name="Cases">The number of cases.</param>
public sealed record CategoryCount(string Category, long Cases);
