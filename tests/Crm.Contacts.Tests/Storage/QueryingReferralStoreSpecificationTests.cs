using Crm.Testing.Contacts;

namespace Crm.Contacts.Tests.Storage;

/// <summary>The specification of the referral analytics capability (Crm.Testing) run against <see cref="QueryingReferralStore"/>.</summary>
public sealed class QueryingReferralStoreSpecificationTests : ReferralAnalyticsSpecification<QueryingReferralStore>
{
    protected override QueryingReferralStore CreateStore() => new();
}
