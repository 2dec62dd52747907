using Crm.EntityFrameworkCore.Interactions;

namespace Microsoft.EntityFrameworkCore;

public static partial class CrmModelBuilderExtensions
{
    /// <summary>The predicate of a contact's own activity (journey engagement, re-engagement): repeated verbatim in the queries, so SQLite and PostgreSQL use the partial index it defines.</summary>
    internal const string ActivityFilter = "kind <> 'Note' AND (direction = 'Inbound' OR kind = 'Meeting')";

    /// <summary>The predicate of an interaction that counts for relationship coverage, repeated verbatim in the coverage queries.</summary>
    internal const string CoverageFilter = "team_member IS NOT NULL AND direction <> 'Internal'";

    /// <summary>The two partial, covering indexes of the journey and coverage reads on <c>crm_interactions</c>: a contact's activity by instant
    /// (<c>ix_crm_interactions_activity</c>) and its team-member interactions by instant (<c>ix_crm_interactions_coverage</c>).</summary>
    /// <remarks>Partial, so they hold only the rows those reads look at (outbound e-mails, notes and status changes stay out), and covering, so
    /// the GROUP BY contact queries never visit the table.</remarks>
    private static void ApplyCrmJourney(ModelBuilder modelBuilder)
        => modelBuilder.Entity<InteractionRow>(e =>
        {
            e.HasIndex(r => new { r.TenantId, r.ContactId, r.OccurredAt }, "ix_crm_interactions_activity").HasFilter(ActivityFilter);
            e.HasIndex(r => new { r.TenantId, r.ContactId, r.OccurredAt, r.TeamMember }, "ix_crm_interactions_coverage").HasFilter(CoverageFilter);
        });
}
