using Crm.Interactions.FollowUps;
using NodaTime;

namespace Crm.Interactions.Serialization;

/// <summary>The <c>interactions.follow_ups</c> section of a contact's personal-data export (version 1).</summary>
internal sealed record FollowUpsExportDto(int Version, IReadOnlyList<FollowUpExportDto> FollowUps);

/// <summary>One follow-up in the export.</summary>
internal sealed record FollowUpExportDto(
    string Id, string? CaseId, string Assignee, string Reason, Instant CreatedAt, Instant DueAt, int Attempt, FollowUpStatus Status, FollowUpOutcome? Outcome,
    string? OutcomeNote, Instant? ClosedAt);
