using Crm.Loyalty.Ledger;
using NodaTime;

namespace Crm.Loyalty.Privacy;

/// <summary>The loyalty section of a member's personal-data export (format version 1): the balance, every ledger entry and every lot.</summary>
internal sealed record LoyaltyExportSection(int FormatVersion, long Available, long Pending, long Debt, long Total, IReadOnlyList<LoyaltyExportEntry> Entries, IReadOnlyList<LoyaltyExportLot> Lots);

/// <summary>One ledger entry in the export.</summary>
internal sealed record LoyaltyExportEntry(LedgerEntryId Id, LedgerEntryKind Kind, long Points, Instant RecordedAt, string? Reason, string? RewardId, LedgerEntryId? ReversesEntryId, long WrittenOff);

/// <summary>One lot in the export.</summary>
internal sealed record LoyaltyExportLot(LedgerEntryId Id, long Points, long Remaining, Instant CreditedAt, Instant AvailableAt, Instant? ExpiresAt, bool IsActive, bool IsExpired);
