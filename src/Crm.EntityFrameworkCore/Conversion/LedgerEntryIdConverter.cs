using Crm.Loyalty.Ledger;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Crm.EntityFrameworkCore.Conversion;

/// <summary>Stores a <see cref="LedgerEntryId"/> as its <see cref="Guid"/> (a <c>uuid</c> on PostgreSQL, text on SQLite).</summary>
public sealed class LedgerEntryIdConverter() : ValueConverter<LedgerEntryId, Guid>(v => v.Value, v => new LedgerEntryId(v));
