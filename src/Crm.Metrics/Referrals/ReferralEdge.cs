namespace Crm.Metrics.Referrals;

/// <summary>One referral: <paramref name="Referee"/> joined because <paramref name="Referrer"/> referred them.</summary>
/// <typeparam name="TKey">The host's customer key.</typeparam>
/// <param name="Referee">The customer who was referred.</param>
/// <param name="Referrer">The customer who referred them.</param>
public readonly record struct ReferralEdge<TKey>(TKey Referee, TKey Referrer)
    where TKey : notnull;
