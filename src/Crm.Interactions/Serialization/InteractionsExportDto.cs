using NodaTime;

namespace Crm.Interactions.Serialization;

/// <summary>The <c>interactions</c> section of a contact's personal-data export (version 1): everything the package holds about the contact.</summary>
internal sealed record InteractionsExportDto(
    int Version,
    IReadOnlyList<InteractionExportDto> Timeline,
    IReadOnlyList<PurchaseExportDto> Purchases,
    IReadOnlyList<ContractExportDto> Contracts,
    IReadOnlyList<CaseExportDto> Cases,
    IReadOnlyList<FeedbackExportDto> Feedback);

/// <summary>One timeline entry in the export.</summary>
internal sealed record InteractionExportDto(
    string Id, InteractionKind Kind, InteractionChannel Channel, InteractionDirection Direction, Instant OccurredAt, string? TeamMember, string? Summary,
    string? CaseId, string? PurchaseId, string? ContractId, string? FeedbackId, string? OrderReference);

/// <summary>One purchase in the export.</summary>
internal sealed record PurchaseExportDto(
    string Id, Instant OccurredAt, decimal Amount, string Currency, string? OrderReference, IReadOnlyList<PurchaseLineExportDto> Lines, IReadOnlyList<RefundExportDto> Refunds);

/// <summary>One purchase line in the export.</summary>
internal sealed record PurchaseLineExportDto(string? Sku, string? Category, decimal Quantity, decimal Amount);

/// <summary>One refund in the export.</summary>
internal sealed record RefundExportDto(int Number, decimal Amount, Instant RefundedAt, string? Reason);

/// <summary>One contract in the export.</summary>
internal sealed record ContractExportDto(string Id, string? Plan, Instant Start, Instant? End, Purchases.ContractStatus Status, string? CancellationReason);

/// <summary>One support case in the export.</summary>
internal sealed record CaseExportDto(
    string Id, string TrackingCode, string? Subject, Support.CasePriority Priority, string? Category, InteractionChannel Channel, Support.CaseStatus Status,
    Instant OpenedAt, Instant? FirstResponseAt, Instant? ResolvedAt, int ContactCount);

/// <summary>One feedback response in the export.</summary>
internal sealed record FeedbackExportDto(string Id, Feedback.FeedbackSurvey Survey, int Score, string? Comment, InteractionChannel Channel, Instant RespondedAt);
