using Crm.Loyalty.InMemory;
using Crm.Loyalty.Storage;
using Crm.Testing.Loyalty;

namespace Crm.Loyalty.Tests.InMemory;

/// <summary>The loyalty ledger specification (Crm.Testing) run against <see cref="InMemoryLoyaltyStore"/>.</summary>
public sealed class InMemoryLoyaltyLedgerSpecificationTests : LoyaltyLedgerSpecification
{
    protected override ILoyaltyStore CreateStore() => new InMemoryLoyaltyStore();
}

/// <summary>The loyalty concurrency specification run against <see cref="InMemoryLoyaltyStore"/>.</summary>
public sealed class InMemoryLoyaltyConcurrencySpecificationTests : LoyaltyConcurrencySpecification
{
    protected override ILoyaltyStore CreateStore() => new InMemoryLoyaltyStore();
}

/// <summary>The loyalty refund specification run against <see cref="InMemoryLoyaltyStore"/>.</summary>
public sealed class InMemoryLoyaltyRefundSpecificationTests : LoyaltyRefundSpecification
{
    protected override ILoyaltyStore CreateStore() => new InMemoryLoyaltyStore();
}

/// <summary>The loyalty outbox specification run against <see cref="InMemoryLoyaltyStore"/>.</summary>
public sealed class InMemoryLoyaltyOutboxSpecificationTests : LoyaltyOutboxSpecification<InMemoryLoyaltyStore>
{
    protected override InMemoryLoyaltyStore CreateStore() => new();
}

/// <summary>The loyalty reward specification run against <see cref="InMemoryLoyaltyStore"/>.</summary>
public sealed class InMemoryLoyaltyRewardSpecificationTests : LoyaltyRewardSpecification
{
    protected override ILoyaltyStore CreateStore() => new InMemoryLoyaltyStore();
}

/// <summary>The stored-tier specification run against <see cref="InMemoryLoyaltyStore"/>.</summary>
public sealed class InMemoryLoyaltyTierSpecificationTests : LoyaltyTierSpecification
{
    protected override ILoyaltyStore CreateStore() => new InMemoryLoyaltyStore();
}

/// <summary>The member-ranking specification run against <see cref="InMemoryLoyaltyStore"/>.</summary>
public sealed class InMemoryLoyaltyRankingSpecificationTests : LoyaltyRankingSpecification
{
    protected override ILoyaltyStore CreateStore() => new InMemoryLoyaltyStore();
}

/// <summary>The badge specification run against <see cref="InMemoryLoyaltyStore"/>.</summary>
public sealed class InMemoryLoyaltyBadgeSpecificationTests : LoyaltyBadgeSpecification
{
    protected override ILoyaltyStore CreateStore() => new InMemoryLoyaltyStore();
}
