using Crm.EntityFrameworkCore.Conversion;
using Crm.EntityFrameworkCore.Interactions;

namespace Microsoft.EntityFrameworkCore;

public static partial class CrmModelBuilderExtensions
{
    /// <summary>crm_follow_ups, with the index that serves each assignee's overdue and upcoming pages: (tenant, assignee, status, due_at, id).</summary>
    private static void FollowUps(ModelBuilder modelBuilder)
        => modelBuilder.Entity<FollowUpRow>(e =>
        {
            e.ToTable("crm_follow_ups");
            e.HasKey(r => new { r.TenantId, r.Id });
            Tenant(e.Property(r => r.TenantId));
            e.Property(r => r.Id).HasColumnName("id").ValueGeneratedNever();
            e.Property(r => r.ContactId).HasColumnName("contact_id").HasConversion<ContactIdConverter>();
            e.Property(r => r.CaseId).HasColumnName("case_id");
            e.Property(r => r.Assignee).HasColumnName("assignee").HasMaxLength(128);
            e.Property(r => r.Status).HasColumnName("status").HasMaxLength(16);
            e.Property(r => r.DueAt).HasColumnName("due_at").HasConversion<InstantTicksConverter>();
            e.Property(r => r.CreatedAt).HasColumnName("created_at").HasConversion<InstantTicksConverter>();
            e.Property(r => r.Attempt).HasColumnName("attempt");
            e.Property(r => r.PreviousId).HasColumnName("previous_id");
            e.Property(r => r.NextId).HasColumnName("next_id");
            e.Property(r => r.Reason).HasColumnName("reason").HasMaxLength(500);
            e.Property(r => r.Outcome).HasColumnName("outcome").HasMaxLength(32);
            e.Property(r => r.OutcomeNote).HasColumnName("outcome_note").HasMaxLength(4000);
            e.Property(r => r.ClosedAt).HasColumnName("closed_at").HasConversion<InstantTicksConverter>();
            e.Property(r => r.ClosedBy).HasColumnName("closed_by").HasMaxLength(128);
            e.Property(r => r.OutcomeEntryId).HasColumnName("outcome_entry_id");
            e.Property(r => r.Stamp).HasColumnName("stamp").HasConversion<ConcurrencyStampConverter>().IsConcurrencyToken();
            e.HasIndex(r => new { r.TenantId, r.Assignee, r.Status, r.DueAt, r.Id }).HasDatabaseName("ix_crm_follow_ups_assignee_due");
            e.HasIndex(r => new { r.TenantId, r.ContactId, r.DueAt, r.Id }).HasDatabaseName("ix_crm_follow_ups_contact");
        });
}
