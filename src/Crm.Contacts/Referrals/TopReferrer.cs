namespace Crm.Contacts.Referrals;

/// <summary>A referrer and the number of referrals recorded for them in a period.</summary>
/// <param name="ReferrerId">The referrer.</param>
/// <param name="Referrals">Referrals recorded in the period.</param>
public readonly record struct TopReferrer(ContactId ReferrerId, int Referrals);
