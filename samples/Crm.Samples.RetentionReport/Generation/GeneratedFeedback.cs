using NodaTime;

namespace Crm.Samples.RetentionReport.Generation;

/// <summary>One generated NPS answer.</summary>
/// <param name="Customer">The index of the customer.</param>
/// <param name="At">When they answered.</param>
/// <param name="Score">The 0–10 answer.</param>
/// <param name="Case">The support case the survey followed, or null for a survey after a purchase.</param>
internal readonly record struct GeneratedFeedback(int Customer, Instant At, int Score, GeneratedCase? Case);
