using Crm.Loyalty.InMemory;
using Crm.Testing.Loyalty;

namespace Crm.Loyalty.Tests.InMemory;

/// <summary>The referral-reward specification run against <see cref="InMemoryLoyaltyStore"/>.</summary>
public sealed class InMemoryLoyaltyReferralSpecificationTests : LoyaltyReferralSpecification<InMemoryLoyaltyStore>
{
    protected override InMemoryLoyaltyStore CreateStore() => new();
}

/// <summary>The member-merge specification run against <see cref="InMemoryLoyaltyStore"/>.</summary>
public sealed class InMemoryLoyaltyMergeSpecificationTests : LoyaltyMergeSpecification<InMemoryLoyaltyStore>
{
    protected override InMemoryLoyaltyStore CreateStore() => new();
}
