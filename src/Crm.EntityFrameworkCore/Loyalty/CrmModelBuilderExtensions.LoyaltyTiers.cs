using Crm.EntityFrameworkCore.Conversion;
using Crm.EntityFrameworkCore.Loyalty;

namespace Microsoft.EntityFrameworkCore;

public static partial class CrmModelBuilderExtensions
{
    /// <summary>The stored-tier history and the ranking figures of the loyalty package.</summary>
    private static void LoyaltyTiers(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<LoyaltyTierChangeRow>(e =>
        {
            e.ToTable("crm_loyalty_tier_changes");
            e.HasKey(r => r.Sequence);
            e.Property(r => r.Sequence).HasColumnName("sequence").ValueGeneratedOnAdd();
            Tenant(e.Property(r => r.TenantId));
            ContactColumn(e.Property(r => r.ContactId));
            e.Property(r => r.FromTierId).HasColumnName("from_tier_id").HasMaxLength(40);
            e.Property(r => r.ToTierId).HasColumnName("to_tier_id").HasMaxLength(40);
            e.Property(r => r.Reason).HasColumnName("reason").HasMaxLength(16).HasConversion<string>();
            e.Property(r => r.ChangedAt).HasColumnName("changed_at").HasConversion<InstantTicksConverter>();
            e.Property(r => r.Qualifying).HasColumnName("qualifying").HasPrecision(28, 8);
            e.Property(r => r.IdempotencyKey).HasColumnName("idempotency_key").HasMaxLength(Crm.IdempotencyKey.MaxLength);
            e.Property(r => r.CausedByEntryId).HasColumnName("caused_by_entry_id").HasConversion<LedgerEntryIdConverter>();
            e.HasIndex(r => new { r.TenantId, r.IdempotencyKey }).IsUnique().HasDatabaseName("ux_crm_loyalty_tier_changes_key");
            e.HasIndex(r => new { r.TenantId, r.ContactId, r.Sequence }).HasDatabaseName("ix_crm_loyalty_tier_changes_member");
            e.HasIndex(r => new { r.TenantId, r.ToTierId, r.Sequence }).HasDatabaseName("ix_crm_loyalty_tier_changes_tier");
        });

        modelBuilder.Entity<LoyaltyActivityRow>(e =>
        {
            e.ToTable("crm_loyalty_activity");
            e.HasKey(r => r.Sequence);
            e.Property(r => r.Sequence).HasColumnName("sequence").ValueGeneratedOnAdd();
            Tenant(e.Property(r => r.TenantId));
            ContactColumn(e.Property(r => r.ContactId));
            e.Property(r => r.EntryId).HasColumnName("entry_id").HasConversion<LedgerEntryIdConverter>();
            e.Property(r => r.RecordedAt).HasColumnName("recorded_at").HasConversion<InstantTicksConverter>();
            e.Property(r => r.PointsEarned).HasColumnName("points_earned");
            e.Property(r => r.SpentUnits).HasColumnName("spent_units");
            e.Property(r => r.PointsRedeemed).HasColumnName("points_redeemed");
            e.HasIndex(r => new { r.TenantId, r.RecordedAt }).HasDatabaseName("ix_crm_loyalty_activity_window");
        });
    }
}
