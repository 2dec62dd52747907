namespace Crm.Contacts.Referrals;

/// <summary>One member of a referrer's downline.</summary>
/// <param name="ContactId">The referred contact.</param>
/// <param name="ReferrerId">Who referred them.</param>
/// <param name="Depth">The distance from the root referrer: 1 for a direct referral.</param>
public readonly record struct DownlineEntry(ContactId ContactId, ContactId ReferrerId, int Depth);
