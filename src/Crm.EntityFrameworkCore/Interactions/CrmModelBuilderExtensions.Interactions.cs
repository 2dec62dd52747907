using Crm;
using Crm.EntityFrameworkCore.Conversion;
using Crm.EntityFrameworkCore.Interactions;
using Crm.Storage;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Microsoft.EntityFrameworkCore;

public static partial class CrmModelBuilderExtensions
{
    /// <summary>Adds the tables of the interactions package (<c>crm_interactions</c>, <c>crm_interaction_keys</c>, <c>crm_purchases</c>,
    /// <c>crm_contracts</c>, <c>crm_cases</c>, <c>crm_feedback</c>, <c>crm_follow_ups</c>); they share the version counters and the outbox that
    /// <see cref="ApplyCrmContacts"/> adds, so call both: <c>modelBuilder.ApplyCrmContacts().ApplyCrmInteractions();</c>.</summary>
    /// <remarks>Every index starts with the tenant; the timeline reads (tenant, contact, occurred_at desc, id desc).</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="modelBuilder"/> is null.</exception>
    public static ModelBuilder ApplyCrmInteractions(this ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<InteractionRow>(e =>
        {
            e.ToTable("crm_interactions");
            e.HasKey(r => new { r.TenantId, r.Id });
            InteractionColumns(e.Property(r => r.TenantId), e.Property(r => r.Id), e.Property(r => r.ContactId), e.Property(r => r.Stamp), e.Property(r => r.RecordedAt));
            e.Property(r => r.Kind).HasColumnName("kind").HasMaxLength(32);
            e.Property(r => r.Channel).HasColumnName("channel").HasMaxLength(16);
            e.Property(r => r.Direction).HasColumnName("direction").HasMaxLength(16);
            e.Property(r => r.OccurredAt).HasColumnName("occurred_at").HasConversion<InstantTicksConverter>();
            e.Property(r => r.TeamMember).HasColumnName("team_member").HasMaxLength(128);
            e.Property(r => r.Summary).HasColumnName("summary").HasMaxLength(4000);
            e.Property(r => r.CaseId).HasColumnName("case_id");
            e.Property(r => r.PurchaseId).HasColumnName("purchase_id");
            e.Property(r => r.ContractId).HasColumnName("contract_id");
            e.Property(r => r.FeedbackId).HasColumnName("feedback_id");
            e.Property(r => r.OrderReference).HasColumnName("order_reference").HasMaxLength(128);
            e.HasIndex(r => new { r.TenantId, r.ContactId, r.OccurredAt, r.Id }).IsDescending(false, false, true, true).HasDatabaseName("ix_crm_interactions_timeline");
        });

        modelBuilder.Entity<InteractionKeyRow>(e =>
        {
            e.ToTable("crm_interaction_keys");
            e.HasKey(r => new { r.TenantId, r.Key });
            Tenant(e.Property(r => r.TenantId));
            e.Property(r => r.Key).HasColumnName("key").HasMaxLength(200);
            e.Property(r => r.InteractionId).HasColumnName("interaction_id");
            e.Property(r => r.RecordedAt).HasColumnName("recorded_at").HasConversion<InstantTicksConverter>();
        });

        modelBuilder.Entity<PurchaseRow>(e =>
        {
            e.ToTable("crm_purchases");
            e.HasKey(r => new { r.TenantId, r.Id });
            InteractionColumns(e.Property(r => r.TenantId), e.Property(r => r.Id), e.Property(r => r.ContactId), e.Property(r => r.Stamp), e.Property(r => r.RecordedAt));
            e.Property(r => r.OccurredAt).HasColumnName("occurred_at").HasConversion<InstantTicksConverter>();
            e.Property(r => r.Amount).HasColumnName("amount").HasPrecision(28, 8);
            e.Property(r => r.Currency).HasColumnName("currency").HasMaxLength(3);
            e.Property(r => r.RefundedAmount).HasColumnName("refunded_amount").HasPrecision(28, 8);
            e.Property(r => r.OrderReference).HasColumnName("order_reference").HasMaxLength(128);
            e.Property(r => r.Document).HasColumnName("document");
            e.HasIndex(r => new { r.TenantId, r.OccurredAt, r.Id }).HasDatabaseName("ix_crm_purchases_occurred_at");
            e.HasIndex(r => new { r.TenantId, r.ContactId, r.OccurredAt, r.Id }).HasDatabaseName("ix_crm_purchases_contact");
        });

        modelBuilder.Entity<ContractRow>(e =>
        {
            e.ToTable("crm_contracts");
            e.HasKey(r => new { r.TenantId, r.Id });
            InteractionColumns(e.Property(r => r.TenantId), e.Property(r => r.Id), e.Property(r => r.ContactId), e.Property(r => r.Stamp), e.Property(r => r.RecordedAt));
            e.Property(r => r.Plan).HasColumnName("plan").HasMaxLength(100);
            e.Property(r => r.Start).HasColumnName("start_at").HasConversion<InstantTicksConverter>();
            e.Property(r => r.End).HasColumnName("end_at").HasConversion<InstantTicksConverter>();
            e.Property(r => r.Status).HasColumnName("status").HasMaxLength(16);
            e.Property(r => r.CancellationReason).HasColumnName("cancellation_reason").HasMaxLength(4000);
            e.HasIndex(r => new { r.TenantId, r.Start, r.Id }).HasDatabaseName("ix_crm_contracts_start");
            e.HasIndex(r => new { r.TenantId, r.ContactId, r.Start, r.Id }).HasDatabaseName("ix_crm_contracts_contact");
        });

        modelBuilder.Entity<CaseRow>(e =>
        {
            e.ToTable("crm_cases");
            e.HasKey(r => new { r.TenantId, r.Id });
            InteractionColumns(e.Property(r => r.TenantId), e.Property(r => r.Id), e.Property(r => r.ContactId), e.Property(r => r.Stamp), e.Property(r => r.RecordedAt));
            e.Property(r => r.TrackingCode).HasColumnName("tracking_code").HasMaxLength(64);
            e.Property(r => r.Status).HasColumnName("status").HasMaxLength(16);
            e.Property(r => r.OpenedAt).HasColumnName("opened_at").HasConversion<InstantTicksConverter>();
            e.Property(r => r.AwaitsSlaCheck).HasColumnName("awaits_sla_check");
            e.Property(r => r.Document).HasColumnName("document");
            e.HasIndex(r => new { r.TenantId, r.TrackingCode }).IsUnique().HasDatabaseName("ux_crm_cases_tracking_code");
            e.HasIndex(r => new { r.TenantId, r.ContactId, r.OpenedAt, r.Id }).IsDescending(false, false, true, true).HasDatabaseName("ix_crm_cases_contact");
            e.HasIndex(r => new { r.TenantId, r.AwaitsSlaCheck, r.Id }).HasDatabaseName("ix_crm_cases_sla_check");
        });

        modelBuilder.Entity<FeedbackRow>(e =>
        {
            e.ToTable("crm_feedback");
            e.HasKey(r => new { r.TenantId, r.Id });
            InteractionColumns(e.Property(r => r.TenantId), e.Property(r => r.Id), e.Property(r => r.ContactId), e.Property(r => r.Stamp), e.Property(r => r.RecordedAt));
            e.Property(r => r.Survey).HasColumnName("survey").HasMaxLength(8);
            e.Property(r => r.Score).HasColumnName("score");
            e.Property(r => r.Comment).HasColumnName("comment").HasMaxLength(4000);
            e.Property(r => r.Channel).HasColumnName("channel").HasMaxLength(16);
            e.Property(r => r.RespondedAt).HasColumnName("responded_at").HasConversion<InstantTicksConverter>();
            e.Property(r => r.CaseId).HasColumnName("case_id");
            e.HasIndex(r => new { r.TenantId, r.ContactId, r.RespondedAt, r.Id }).IsDescending(false, false, true, true).HasDatabaseName("ix_crm_feedback_contact");
        });

        FollowUps(modelBuilder);

        ApplyCrmJourney(modelBuilder);
        return modelBuilder;
    }

    private static void InteractionColumns(
        PropertyBuilder<TenantId> tenant, PropertyBuilder<Guid> id, PropertyBuilder<ContactId> contact, PropertyBuilder<ConcurrencyStamp> stamp, PropertyBuilder<NodaTime.Instant> recordedAt)
    {
        Tenant(tenant);
        id.HasColumnName("id").ValueGeneratedNever();
        contact.HasColumnName("contact_id").HasConversion<ContactIdConverter>();
        stamp.HasColumnName("stamp").HasConversion<ConcurrencyStampConverter>().IsConcurrencyToken();
        recordedAt.HasColumnName("recorded_at").HasConversion<InstantTicksConverter>();
    }
}
