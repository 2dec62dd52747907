using Crm.EntityFrameworkCore.Conversion;
using Crm.EntityFrameworkCore.Loyalty;

namespace Microsoft.EntityFrameworkCore;

public static partial class CrmModelBuilderExtensions
{
    /// <summary>The referral-reward and member-merge tables of the loyalty package.</summary>
    private static void LoyaltyReferrals(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<LoyaltyReferralRow>(e =>
        {
            e.ToTable("crm_loyalty_referrals");
            e.HasKey(r => new { r.TenantId, r.RefereeId });
            Tenant(e.Property(r => r.TenantId));
            e.Property(r => r.RefereeId).HasColumnName("referee_id").HasConversion<ContactIdConverter>();
            e.Property(r => r.ReferrerId).HasColumnName("referrer_id").HasConversion<ContactIdConverter>();
            e.Property(r => r.Status).HasColumnName("status").HasMaxLength(16);
            e.Property(r => r.AttributedAt).HasColumnName("attributed_at").HasConversion<InstantTicksConverter>();
            e.Property(r => r.SourceKey).HasColumnName("source_key").HasMaxLength(100);
            e.Property(r => r.PurchaseKey).HasColumnName("purchase_key").HasMaxLength(201);
            e.Property(r => r.PurchaseAmount).HasColumnName("purchase_amount").HasPrecision(28, 8);
            e.Property(r => r.PurchaseCurrency).HasColumnName("purchase_currency").HasMaxLength(3);
            e.Property(r => r.PurchasedAt).HasColumnName("purchased_at").HasConversion<InstantTicksConverter>();
            e.Property(r => r.EligibleAt).HasColumnName("eligible_at").HasConversion<InstantTicksConverter>();
            e.Property(r => r.RefereePoints).HasColumnName("referee_points");
            e.Property(r => r.ReferrerPoints).HasColumnName("referrer_points");
            e.Property(r => r.ChainPoints).HasColumnName("chain_points").HasMaxLength(200);
            e.Property(r => r.SettledAt).HasColumnName("settled_at").HasConversion<InstantTicksConverter>();
            e.HasIndex(r => new { r.TenantId, r.Status, r.EligibleAt }).HasDatabaseName("ix_crm_loyalty_referrals_due");
        });

        modelBuilder.Entity<LoyaltyReferralRejectionRow>(e =>
        {
            e.ToTable("crm_loyalty_referral_rejections");
            e.HasKey(r => r.Sequence);
            e.Property(r => r.Sequence).HasColumnName("sequence").ValueGeneratedOnAdd();
            Tenant(e.Property(r => r.TenantId));
            e.Property(r => r.SourceKey).HasColumnName("source_key").HasMaxLength(100);
            e.Property(r => r.RefereeId).HasColumnName("referee_id").HasConversion<ContactIdConverter>();
            e.Property(r => r.ReferrerId).HasColumnName("referrer_id").HasConversion<ContactIdConverter>();
            e.Property(r => r.Code).HasColumnName("code").HasMaxLength(64);
            e.Property(r => r.RejectedAt).HasColumnName("rejected_at").HasConversion<InstantTicksConverter>();
            e.HasIndex(r => new { r.TenantId, r.SourceKey }).IsUnique().HasDatabaseName("ux_crm_loyalty_referral_rejections_source");
            e.HasIndex(r => new { r.TenantId, r.RefereeId }).HasDatabaseName("ix_crm_loyalty_referral_rejections_referee");
            e.HasIndex(r => new { r.TenantId, r.ReferrerId }).HasDatabaseName("ix_crm_loyalty_referral_rejections_referrer");
        });

        modelBuilder.Entity<LoyaltyMemberMergeRow>(e =>
        {
            e.ToTable("crm_loyalty_member_merges");
            e.HasKey(r => new { r.TenantId, r.AbsorbedId });
            Tenant(e.Property(r => r.TenantId));
            e.Property(r => r.AbsorbedId).HasColumnName("absorbed_id").HasConversion<ContactIdConverter>();
            e.Property(r => r.SurvivorId).HasColumnName("survivor_id").HasConversion<ContactIdConverter>();
            e.Property(r => r.MergedAt).HasColumnName("merged_at").HasConversion<InstantTicksConverter>();
        });
    }
}
