namespace Crm.Metrics.Referrals;

/// <summary>One referral invitation a customer sent, and whether it converted (the invitee became a customer).</summary>
/// <typeparam name="TCustomer">The host's customer key.</typeparam>
/// <param name="Referrer">The customer who sent the invitation.</param>
/// <param name="Converted">Whether the invitation converted.</param>
public readonly record struct ReferralInvitation<TCustomer>(TCustomer Referrer, bool Converted)
    where TCustomer : notnull;
