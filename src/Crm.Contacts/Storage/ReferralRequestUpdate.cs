using Crm.Contacts.Referrals;
using Crm.Storage;

namespace Crm.Contacts.Storage;

/// <summary>A replacement of a referral request record, written only if the stored one still has <see cref="ExpectedStamp"/>.</summary>
/// <param name="Request">The new record, with a new stamp.</param>
/// <param name="ExpectedStamp">The stamp of the record the change was based on.</param>
public sealed record ReferralRequestUpdate(ReferralRequest Request, ConcurrencyStamp ExpectedStamp);
