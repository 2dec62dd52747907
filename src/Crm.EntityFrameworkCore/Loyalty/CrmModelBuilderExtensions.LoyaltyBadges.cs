using Crm.EntityFrameworkCore.Conversion;
using Crm.EntityFrameworkCore.Loyalty;

namespace Microsoft.EntityFrameworkCore;

public static partial class CrmModelBuilderExtensions
{
    /// <summary>The badges awarded to loyalty members.</summary>
    private static void LoyaltyBadges(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<LoyaltyBadgeRow>(e =>
        {
            e.ToTable("crm_loyalty_badges");
            e.HasKey(r => r.Sequence);
            e.Property(r => r.Sequence).HasColumnName("sequence").ValueGeneratedOnAdd();
            Tenant(e.Property(r => r.TenantId));
            ContactColumn(e.Property(r => r.ContactId));
            e.Property(r => r.BadgeId).HasColumnName("badge_id").HasMaxLength(Crm.Loyalty.Badges.BadgeRule.MaxIdLength);
            e.Property(r => r.Key).HasColumnName("badge_key").HasMaxLength(Crm.IdempotencyKey.MaxLength);
            e.Property(r => r.AchievedAt).HasColumnName("achieved_at").HasConversion<InstantTicksConverter>();
            e.Property(r => r.AwardedAt).HasColumnName("awarded_at").HasConversion<InstantTicksConverter>();
            e.Property(r => r.Points).HasColumnName("points");
            e.Property(r => r.EntryId).HasColumnName("entry_id").HasConversion<LedgerEntryIdConverter>();
            e.HasIndex(r => new { r.TenantId, r.ContactId, r.Key }).IsUnique().HasDatabaseName("ux_crm_loyalty_badges_key");
        });
    }
}
