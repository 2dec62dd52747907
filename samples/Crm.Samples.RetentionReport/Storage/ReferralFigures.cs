namespace Crm.Samples.RetentionReport.Storage;

/// <summary>What the referral store says about the generated base.</summary>
/// <param name="TopReferrers">The customers who referred the most, most first, with how many they referred directly and in all.</param>
/// <param name="GoldenChain">The longest referral chain, root first, as customer keys.</param>
internal sealed record ReferralFigures(IReadOnlyList<ReferrerFigures> TopReferrers, IReadOnlyList<string> GoldenChain);
