using Crm.Loyalty.Ledger;
using NodaTime;

namespace Crm.EntityFrameworkCore.Loyalty;

/// <summary>A row of crm_loyalty_entries: one ledger entry, appended once and never updated.</summary>
internal sealed class LoyaltyEntryRow
{
    public long Sequence { get; set; }
    public TenantId TenantId { get; set; }
    public LedgerEntryId Id { get; set; }
    public ContactId ContactId { get; set; }
    public LedgerEntryKind Kind { get; set; }
    public long Points { get; set; }
    public Instant RecordedAt { get; set; }
    public string IdempotencyKey { get; set; } = "";
    public LedgerEntryId? ReversesEntryId { get; set; }
    public LedgerEntryId? LotId { get; set; }
    public string? RewardId { get; set; }
    public string? Reason { get; set; }
    public long WrittenOff { get; set; }
    public string? Snapshot { get; set; }
}

/// <summary>A row of crm_loyalty_lots: the points one credit entry created, with their availability and expiry.</summary>
internal sealed class LoyaltyLotRow
{
    public TenantId TenantId { get; set; }
    public LedgerEntryId Id { get; set; }
    public ContactId ContactId { get; set; }
    public long Points { get; set; }
    public Instant CreditedAt { get; set; }
    public Instant AvailableAt { get; set; }
    public Instant? ExpiresAt { get; set; }
}

/// <summary>A row of crm_loyalty_allocations: points an entry took from (or gave back to) a lot.</summary>
internal sealed class LoyaltyAllocationRow
{
    public long Sequence { get; set; }
    public TenantId TenantId { get; set; }
    public ContactId ContactId { get; set; }
    public LedgerEntryId LotId { get; set; }
    public LedgerEntryId EntryId { get; set; }
    public long Points { get; set; }
}
