using Crm.Contacts.InMemory;
using Crm.Testing.Contacts;

namespace Crm.Contacts.Tests.InMemory;

/// <summary>The specification of the referral capability (Crm.Testing) run against <see cref="InMemoryContactStore"/>.</summary>
public sealed class InMemoryReferralSpecificationTests : ReferralStoreSpecification<InMemoryContactStore>
{
    protected override InMemoryContactStore CreateStore() => new();
}
