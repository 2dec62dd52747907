using Crm;
using Crm.EntityFrameworkCore.Conversion;
using Crm.EntityFrameworkCore.Entities;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Microsoft.EntityFrameworkCore;

/// <summary>Adds the CrmCore tables to a host's own <see cref="DbContext"/> model, so CRM writes join the host's connection and transaction.</summary>
/// <remarks>
/// Call it from <c>OnModelCreating</c>: <c>modelBuilder.ApplyCrmContacts();</c>. The tables (<c>crm_contacts</c>,
/// <c>crm_referrals</c>, <c>crm_outbox</c>…) and their indexes are the same as in <see cref="Crm.EntityFrameworkCore.CrmDbContext"/>;
/// every index starts with the tenant. Instants are stored as Unix ticks (<see cref="InstantTicksConverter"/>), so the
/// model needs no provider plug-in and behaves the same on every database.
/// </remarks>
public static partial class CrmModelBuilderExtensions
{
    /// <summary>Adds the tables of the contacts package (contacts and their child tables, duplicate keys, referrals, referral requests, version counters, idempotency keys, merge history) and the outbox.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="modelBuilder"/> is null.</exception>
    public static ModelBuilder ApplyCrmContacts(this ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        Contacts(modelBuilder);
        Referrals(modelBuilder);
        Bookkeeping(modelBuilder);
        Outbox(modelBuilder);
        return modelBuilder;
    }

    private static void Contacts(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ContactRow>(e =>
        {
            e.ToTable("crm_contacts");
            e.HasKey(r => new { r.TenantId, r.Id });
            Tenant(e.Property(r => r.TenantId));
            e.Property(r => r.Id).HasColumnName("id").HasConversion<ContactIdConverter>();
            e.Property(r => r.Stamp).HasColumnName("stamp").HasConversion<ConcurrencyStampConverter>().IsConcurrencyToken();
            e.Property(r => r.Status).HasColumnName("status").HasMaxLength(16);
            e.Property(r => r.MergedIntoId).HasColumnName("merged_into_id").HasConversion<ContactIdConverter>();
            e.Property(r => r.StatusChangedAt).HasColumnName("status_changed_at").HasConversion<InstantTicksConverter>();
            e.Property(r => r.Stage).HasColumnName("stage").HasMaxLength(32);
            e.Property(r => r.StageEnteredAt).HasColumnName("stage_entered_at").HasConversion<InstantTicksConverter>();
            e.Property(r => r.Origin).HasColumnName("origin").HasMaxLength(16);
            e.Property(r => r.DisplayName).HasColumnName("display_name").HasMaxLength(200);
            e.Property(r => r.GivenName).HasColumnName("given_name").HasMaxLength(200);
            e.Property(r => r.FamilyName).HasColumnName("family_name").HasMaxLength(200);
            e.Property(r => r.SortName).HasColumnName("sort_name").HasMaxLength(200);
            e.Property(r => r.NormalizedName).HasColumnName("normalized_name").HasMaxLength(200);
            e.Property(r => r.PrimaryEmail).HasColumnName("primary_email").HasMaxLength(254);
            e.Property(r => r.PrimaryPhone).HasColumnName("primary_phone").HasMaxLength(32);
            e.Property(r => r.BirthDate).HasColumnName("birth_date").HasConversion<LocalDateConverter>();
            e.Property(r => r.BirthMonth).HasColumnName("birth_month");
            e.Property(r => r.BirthDay).HasColumnName("birth_day");
            e.Property(r => r.PreferredLanguage).HasColumnName("preferred_language").HasMaxLength(35);
            e.Property(r => r.TimeZone).HasColumnName("time_zone").HasMaxLength(64);
            e.Property(r => r.AcquisitionSource).HasColumnName("acquisition_source").HasMaxLength(200);
            e.Property(r => r.AcquisitionMedium).HasColumnName("acquisition_medium").HasMaxLength(200);
            e.Property(r => r.AcquisitionCampaign).HasColumnName("acquisition_campaign").HasMaxLength(200);
            e.Property(r => r.CreatedAt).HasColumnName("created_at").HasConversion<InstantTicksConverter>();
            e.Property(r => r.UpdatedAt).HasColumnName("updated_at").HasConversion<InstantTicksConverter>();
            e.Property(r => r.FormatVersion).HasColumnName("format_version");
            e.Property(r => r.Document).HasColumnName("document");
            e.HasIndex(r => new { r.TenantId, r.Status, r.Stage }).HasDatabaseName("ix_crm_contacts_status_stage");
            e.HasIndex(r => new { r.TenantId, r.NormalizedName }).HasDatabaseName("ix_crm_contacts_normalized_name");
            e.HasIndex(r => new { r.TenantId, r.CreatedAt }).HasDatabaseName("ix_crm_contacts_created_at");
            e.HasIndex(r => new { r.TenantId, r.UpdatedAt }).HasDatabaseName("ix_crm_contacts_updated_at");
            e.HasIndex(r => new { r.TenantId, r.AcquisitionSource }).HasDatabaseName("ix_crm_contacts_acquisition");
        });

        modelBuilder.Entity<ContactEmailRow>(e =>
        {
            e.ToTable("crm_contact_emails");
            e.HasKey(r => new { r.TenantId, r.ContactId, r.Position });
            Tenant(e.Property(r => r.TenantId));
            ContactColumn(e.Property(r => r.ContactId));
            e.Property(r => r.Position).HasColumnName("position");
            e.Property(r => r.Address).HasColumnName("address").HasMaxLength(254);
            e.Property(r => r.NormalizedAddress).HasColumnName("normalized_address").HasMaxLength(254);
            e.Property(r => r.Domain).HasColumnName("domain").HasMaxLength(254);
            e.HasIndex(r => new { r.TenantId, r.NormalizedAddress }).HasDatabaseName("ix_crm_contact_emails_address");
            e.HasIndex(r => new { r.TenantId, r.Domain }).HasDatabaseName("ix_crm_contact_emails_domain");
            OwnedBy(e, r => new { r.TenantId, r.ContactId });
        });

        modelBuilder.Entity<ContactPhoneRow>(e =>
        {
            e.ToTable("crm_contact_phones");
            e.HasKey(r => new { r.TenantId, r.ContactId, r.Position });
            Tenant(e.Property(r => r.TenantId));
            ContactColumn(e.Property(r => r.ContactId));
            e.Property(r => r.Position).HasColumnName("position");
            e.Property(r => r.E164).HasColumnName("e164").HasMaxLength(32);
            e.Property(r => r.Extension).HasColumnName("extension").HasMaxLength(32);
            e.HasIndex(r => new { r.TenantId, r.E164 }).HasDatabaseName("ix_crm_contact_phones_e164");
            OwnedBy(e, r => new { r.TenantId, r.ContactId });
        });

        modelBuilder.Entity<ContactTagRow>(e =>
        {
            e.ToTable("crm_contact_tags");
            e.HasKey(r => new { r.TenantId, r.ContactId, r.NormalizedTag });
            Tenant(e.Property(r => r.TenantId));
            ContactColumn(e.Property(r => r.ContactId));
            e.Property(r => r.NormalizedTag).HasColumnName("normalized_tag").HasMaxLength(100);
            e.Property(r => r.Tag).HasColumnName("tag").HasMaxLength(100);
            e.HasIndex(r => new { r.TenantId, r.NormalizedTag }).HasDatabaseName("ix_crm_contact_tags_tag");
            OwnedBy(e, r => new { r.TenantId, r.ContactId });
        });

        modelBuilder.Entity<ContactAttributeRow>(e =>
        {
            e.ToTable("crm_contact_attributes");
            e.HasKey(r => new { r.TenantId, r.ContactId, r.Name });
            Tenant(e.Property(r => r.TenantId));
            ContactColumn(e.Property(r => r.ContactId));
            e.Property(r => r.Name).HasColumnName("name").HasMaxLength(64);
            e.Property(r => r.Kind).HasColumnName("kind").HasMaxLength(16);
            e.Property(r => r.TextValue).HasColumnName("text_value").HasMaxLength(2000);
            e.Property(r => r.NumberValue).HasColumnName("number_value").HasPrecision(28, 10);
            e.Property(r => r.BooleanValue).HasColumnName("boolean_value");
            e.Property(r => r.DateValue).HasColumnName("date_value").HasConversion<LocalDateConverter>();
            e.Property(r => r.Currency).HasColumnName("currency").HasMaxLength(3).HasConversion<CurrencyCodeConverter>();
            e.HasIndex(r => new { r.TenantId, r.Name, r.TextValue }).HasDatabaseName("ix_crm_contact_attributes_text");
            e.HasIndex(r => new { r.TenantId, r.Name, r.NumberValue }).HasDatabaseName("ix_crm_contact_attributes_number");
            e.HasIndex(r => new { r.TenantId, r.Name, r.DateValue }).HasDatabaseName("ix_crm_contact_attributes_date");
            OwnedBy(e, r => new { r.TenantId, r.ContactId });
        });

        modelBuilder.Entity<ContactLifecycleRow>(e =>
        {
            e.ToTable("crm_contact_lifecycle");
            e.HasKey(r => new { r.TenantId, r.ContactId, r.Position });
            Tenant(e.Property(r => r.TenantId));
            ContactColumn(e.Property(r => r.ContactId));
            e.Property(r => r.Position).HasColumnName("position");
            e.Property(r => r.FromStage).HasColumnName("from_stage").HasMaxLength(32);
            e.Property(r => r.ToStage).HasColumnName("to_stage").HasMaxLength(32);
            e.Property(r => r.At).HasColumnName("at").HasConversion<InstantTicksConverter>();
            e.Property(r => r.Reason).HasColumnName("reason").HasMaxLength(64);
            e.HasIndex(r => new { r.TenantId, r.ToStage, r.At }).HasDatabaseName("ix_crm_contact_lifecycle_stage_at");
            OwnedBy(e, r => new { r.TenantId, r.ContactId });
        });

        modelBuilder.Entity<DuplicateKeyRow>(e =>
        {
            e.ToTable("crm_duplicate_keys");
            e.HasKey(r => new { r.TenantId, r.Criterion, r.Value, r.ContactId });
            Tenant(e.Property(r => r.TenantId));
            ContactColumn(e.Property(r => r.ContactId));
            e.Property(r => r.Criterion).HasColumnName("criterion").HasMaxLength(80);
            e.Property(r => r.Value).HasColumnName("value").HasMaxLength(2000);
            e.HasIndex(r => new { r.TenantId, r.ContactId }).HasDatabaseName("ix_crm_duplicate_keys_contact");
        });
    }

    private static void Referrals(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<DuplicateClaimRow>(e =>
        {
            e.ToTable("crm_duplicate_claims");
            e.HasKey(r => new { r.TenantId, r.Hash });
            Tenant(e.Property(r => r.TenantId));
            e.Property(r => r.Hash).HasColumnName("hash").HasMaxLength(64);
            ContactColumn(e.Property(r => r.ContactId));
            e.Property(r => r.KeyHashes).HasColumnName("key_hashes");
            e.HasIndex(r => new { r.TenantId, r.ContactId }).HasDatabaseName("ix_crm_duplicate_claims_contact");
        });

        modelBuilder.Entity<ReferralRow>(e =>
        {
            e.ToTable("crm_referrals");
            e.HasKey(r => r.Sequence);
            e.Property(r => r.Sequence).HasColumnName("sequence").ValueGeneratedOnAdd();
            Tenant(e.Property(r => r.TenantId));
            e.Property(r => r.RefereeId).HasColumnName("referee_id").HasConversion<ContactIdConverter>();
            e.Property(r => r.ReferrerId).HasColumnName("referrer_id").HasConversion<ContactIdConverter>();
            e.Property(r => r.ReferredAt).HasColumnName("referred_at").HasConversion<InstantTicksConverter>();
            e.Property(r => r.RequestId).HasColumnName("request_id").HasConversion<ReferralRequestIdConverter>();

            // One referrer per referee: the database refuses a second one (mapped to ConcurrencyConflictException).
            e.HasIndex(r => new { r.TenantId, r.RefereeId }).IsUnique().HasDatabaseName("ux_crm_referrals_referee");
            e.HasIndex(r => new { r.TenantId, r.ReferrerId, r.Sequence }).HasDatabaseName("ix_crm_referrals_referrer");
            e.HasIndex(r => new { r.TenantId, r.ReferredAt }).HasDatabaseName("ix_crm_referrals_referred_at");
        });

        modelBuilder.Entity<ReferralRequestRow>(e =>
        {
            e.ToTable("crm_referral_requests");
            e.HasKey(r => new { r.TenantId, r.Id });
            Tenant(e.Property(r => r.TenantId));
            e.Property(r => r.Id).HasColumnName("id").HasConversion<ReferralRequestIdConverter>();
            ContactColumn(e.Property(r => r.ContactId));
            e.Property(r => r.AskedAt).HasColumnName("asked_at").HasConversion<InstantTicksConverter>();
            e.Property(r => r.Channel).HasColumnName("channel").HasMaxLength(200);
            e.Property(r => r.Outcome).HasColumnName("outcome").HasMaxLength(16);
            e.Property(r => r.AnsweredAt).HasColumnName("answered_at").HasConversion<InstantTicksConverter>();
            e.Property(r => r.Stamp).HasColumnName("stamp").HasConversion<ConcurrencyStampConverter>().IsConcurrencyToken();
            e.HasIndex(r => new { r.TenantId, r.ContactId, r.AskedAt }).HasDatabaseName("ix_crm_referral_requests_contact");
        });
    }

    private static void VersionCounters(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<VersionCounterRow>(e =>
        {
            e.ToTable("crm_version_counters");
            e.HasKey(r => new { r.TenantId, r.Name });
            Tenant(e.Property(r => r.TenantId));
            e.Property(r => r.Name).HasColumnName("name").HasMaxLength(128);
            e.Property(r => r.Version).HasColumnName("version");
        });
    }

    private static void Bookkeeping(ModelBuilder modelBuilder)
    {
        VersionCounters(modelBuilder);
        modelBuilder.Entity<IdempotencyKeyRow>(e =>
        {
            e.ToTable("crm_idempotency_keys");
            e.HasKey(r => new { r.TenantId, r.Key });
            Tenant(e.Property(r => r.TenantId));
            e.Property(r => r.Key).HasColumnName("key").HasMaxLength(200);
            ContactColumn(e.Property(r => r.ContactId));
            e.Property(r => r.RecordedAt).HasColumnName("recorded_at").HasConversion<InstantTicksConverter>();
            e.HasIndex(r => new { r.TenantId, r.RecordedAt }).HasDatabaseName("ix_crm_idempotency_keys_recorded_at");
        });

        modelBuilder.Entity<MergeRow>(e =>
        {
            e.ToTable("crm_merges");
            e.HasKey(r => r.Sequence);
            e.Property(r => r.Sequence).HasColumnName("sequence").ValueGeneratedOnAdd();
            Tenant(e.Property(r => r.TenantId));
            e.Property(r => r.SurvivorId).HasColumnName("survivor_id").HasConversion<ContactIdConverter>();
            e.Property(r => r.MergedAt).HasColumnName("merged_at").HasConversion<InstantTicksConverter>();
            e.Property(r => r.FormatVersion).HasColumnName("format_version");
            e.Property(r => r.Document).HasColumnName("document");
            e.HasIndex(r => new { r.TenantId, r.MergedAt }).HasDatabaseName("ix_crm_merges_merged_at");
        });

        modelBuilder.Entity<MergeMemberRow>(e =>
        {
            e.ToTable("crm_merge_members");
            e.HasKey(r => new { r.TenantId, r.ContactId, r.MergeSequence });
            Tenant(e.Property(r => r.TenantId));
            ContactColumn(e.Property(r => r.ContactId));
            e.Property(r => r.MergeSequence).HasColumnName("merge_sequence");
            e.HasOne(r => r.Merge).WithMany().HasForeignKey(r => r.MergeSequence).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(r => r.MergeSequence).HasDatabaseName("ix_crm_merge_members_merge");
        });
    }

    private static void Outbox(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxRow>(e =>
        {
            e.ToTable("crm_outbox");
            e.HasKey(r => r.Sequence);
            e.Property(r => r.Sequence).HasColumnName("sequence").ValueGeneratedOnAdd();
            e.Property(r => r.EventId).HasColumnName("event_id").HasConversion<CrmEventIdConverter>();
            Tenant(e.Property(r => r.TenantId));
            e.Property(r => r.TypeName).HasColumnName("type_name").HasMaxLength(200);
            e.Property(r => r.TypeVersion).HasColumnName("type_version");
            e.Property(r => r.Payload).HasColumnName("payload");
            e.Property(r => r.OccurredAt).HasColumnName("occurred_at").HasConversion<InstantTicksConverter>();
            e.Property(r => r.State).HasColumnName("state");
            e.Property(r => r.DueAt).HasColumnName("due_at").HasConversion<InstantTicksConverter>();
            e.Property(r => r.LeaseToken).HasColumnName("lease_token");
            e.Property(r => r.LeaseExpiresAt).HasColumnName("lease_expires_at").HasConversion<InstantTicksConverter>();
            e.Property(r => r.Attempts).HasColumnName("attempts");
            e.Property(r => r.LastError).HasColumnName("last_error").HasMaxLength(2000);
            e.Property(r => r.DeliveredAt).HasColumnName("delivered_at").HasConversion<InstantTicksConverter>();
            e.HasIndex(r => r.EventId).IsUnique().HasDatabaseName("ux_crm_outbox_event_id");

            // The dispatcher's claim (system-wide, not per tenant) and the operator's dead-letter view (per tenant).
            e.HasIndex(r => new { r.State, r.DueAt, r.Sequence }).HasDatabaseName("ix_crm_outbox_claim");
            e.HasIndex(r => new { r.TenantId, r.State, r.Sequence }).HasDatabaseName("ix_crm_outbox_tenant_state");
        });
    }

    private static void Tenant(PropertyBuilder<TenantId> property)
        => property.HasColumnName("tenant_id").HasMaxLength(TenantId.MaxLength).HasConversion<TenantIdConverter>();

    private static void ContactColumn(PropertyBuilder<ContactId> property)
        => property.HasColumnName("contact_id").HasConversion<ContactIdConverter>();

    private static void OwnedBy<TRow>(EntityTypeBuilder<TRow> e, System.Linq.Expressions.Expression<Func<TRow, object?>> foreignKey)
        where TRow : class
        => e.HasOne<ContactRow>().WithMany().HasForeignKey(foreignKey).OnDelete(DeleteBehavior.Cascade);
}
