using Crm.EntityFrameworkCore.Conversion;
using Crm.EntityFrameworkCore.Loyalty;
using Crm.Loyalty.Ledger;

namespace Microsoft.EntityFrameworkCore;

public static partial class CrmModelBuilderExtensions
{
    /// <summary>Adds the tables of the loyalty package (ledger entries, lots, allocations) with the version counters and the outbox they share with the other packages.</summary>
    /// <remarks>Every index starts with the tenant; the idempotency key is unique per tenant, so a repeated command cannot
    /// append a second entry even when two writers race (the violation surfaces as <see cref="Crm.ConcurrencyConflictException"/>).</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="modelBuilder"/> is null.</exception>
    public static ModelBuilder ApplyCrmLoyalty(this ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        VersionCounters(modelBuilder);
        Outbox(modelBuilder);
        LoyaltyReferrals(modelBuilder);
        modelBuilder.Entity<LoyaltyEntryRow>(e =>
        {
            e.ToTable("crm_loyalty_entries");
            e.HasKey(r => r.Sequence);
            e.Property(r => r.Sequence).HasColumnName("sequence").ValueGeneratedOnAdd();
            Tenant(e.Property(r => r.TenantId));
            e.Property(r => r.Id).HasColumnName("id").HasConversion<LedgerEntryIdConverter>();
            ContactColumn(e.Property(r => r.ContactId));
            e.Property(r => r.Kind).HasColumnName("kind").HasMaxLength(16).HasConversion<string>();
            e.Property(r => r.Points).HasColumnName("points");
            e.Property(r => r.RecordedAt).HasColumnName("recorded_at").HasConversion<InstantTicksConverter>();
            e.Property(r => r.IdempotencyKey).HasColumnName("idempotency_key").HasMaxLength(Crm.IdempotencyKey.MaxLength);
            e.Property(r => r.ReversesEntryId).HasColumnName("reverses_entry_id").HasConversion<LedgerEntryIdConverter>();
            e.Property(r => r.LotId).HasColumnName("lot_id").HasConversion<LedgerEntryIdConverter>();
            e.Property(r => r.RewardId).HasColumnName("reward_id").HasMaxLength(Crm.Loyalty.Rewards.Reward.MaxIdLength);
            e.Property(r => r.Reason).HasColumnName("reason").HasMaxLength(LedgerEntry.MaxReasonLength);
            e.Property(r => r.WrittenOff).HasColumnName("written_off");
            e.Property(r => r.Snapshot).HasColumnName("snapshot");
            e.HasIndex(r => new { r.TenantId, r.Id }).IsUnique().HasDatabaseName("ux_crm_loyalty_entries_id");
            e.HasIndex(r => new { r.TenantId, r.IdempotencyKey }).IsUnique().HasDatabaseName("ux_crm_loyalty_entries_key");
            e.HasIndex(r => new { r.TenantId, r.ContactId, r.Sequence }).HasDatabaseName("ix_crm_loyalty_entries_member");
            e.HasIndex(r => new { r.TenantId, r.ReversesEntryId }).HasDatabaseName("ix_crm_loyalty_entries_reverses");
            e.HasIndex(r => new { r.TenantId, r.RewardId, r.ContactId }).HasDatabaseName("ix_crm_loyalty_entries_reward");
        });

        modelBuilder.Entity<LoyaltyLotRow>(e =>
        {
            e.ToTable("crm_loyalty_lots");
            e.HasKey(r => new { r.TenantId, r.Id });
            Tenant(e.Property(r => r.TenantId));
            e.Property(r => r.Id).HasColumnName("id").HasConversion<LedgerEntryIdConverter>();
            ContactColumn(e.Property(r => r.ContactId));
            e.Property(r => r.Points).HasColumnName("points");
            e.Property(r => r.CreditedAt).HasColumnName("credited_at").HasConversion<InstantTicksConverter>();
            e.Property(r => r.AvailableAt).HasColumnName("available_at").HasConversion<InstantTicksConverter>();
            e.Property(r => r.ExpiresAt).HasColumnName("expires_at").HasConversion<InstantTicksConverter>();
            e.HasIndex(r => new { r.TenantId, r.ContactId, r.ExpiresAt }).HasDatabaseName("ix_crm_loyalty_lots_member_expiry");
        });

        modelBuilder.Entity<LoyaltyAllocationRow>(e =>
        {
            e.ToTable("crm_loyalty_allocations");
            e.HasKey(r => r.Sequence);
            e.Property(r => r.Sequence).HasColumnName("sequence").ValueGeneratedOnAdd();
            Tenant(e.Property(r => r.TenantId));
            ContactColumn(e.Property(r => r.ContactId));
            e.Property(r => r.LotId).HasColumnName("lot_id").HasConversion<LedgerEntryIdConverter>();
            e.Property(r => r.EntryId).HasColumnName("entry_id").HasConversion<LedgerEntryIdConverter>();
            e.Property(r => r.Points).HasColumnName("points");
            e.HasIndex(r => new { r.TenantId, r.ContactId, r.LotId }).HasDatabaseName("ix_crm_loyalty_allocations_member_lot");
            e.HasIndex(r => new { r.TenantId, r.EntryId }).HasDatabaseName("ix_crm_loyalty_allocations_entry");
        });

        LoyaltyTiers(modelBuilder);
        LoyaltyBadges(modelBuilder);
        return modelBuilder;
    }
}
