using Crm.Contacts.Referrals;
using Crm.Events;
using Crm.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NodaTime;

namespace Crm.EntityFrameworkCore.Conversion;

/// <summary>Stores a <see cref="TenantId"/> as its text.</summary>
public sealed class TenantIdConverter() : ValueConverter<TenantId, string>(v => v.Value, v => new TenantId(v));

/// <summary>Stores a <see cref="ContactId"/> as its <see cref="Guid"/> (a <c>uuid</c> on PostgreSQL, text on SQLite).</summary>
public sealed class ContactIdConverter() : ValueConverter<ContactId, Guid>(v => v.Value, v => new ContactId(v));

/// <summary>Stores a <see cref="ReferralRequestId"/> as its <see cref="Guid"/>.</summary>
public sealed class ReferralRequestIdConverter() : ValueConverter<ReferralRequestId, Guid>(v => v.Value, v => new ReferralRequestId(v));

/// <summary>Stores a <see cref="CrmEventId"/> as its <see cref="Guid"/>.</summary>
public sealed class CrmEventIdConverter() : ValueConverter<CrmEventId, Guid>(v => v.Value, v => new CrmEventId(v));

/// <summary>Stores a <see cref="ConcurrencyStamp"/> as its <see cref="Guid"/>; the column is the row's concurrency token.</summary>
public sealed class ConcurrencyStampConverter() : ValueConverter<ConcurrencyStamp, Guid>(v => v.Value, v => ConcurrencyStamp.FromGuid(v));

/// <summary>Stores an <see cref="Instant"/> as Unix ticks (100 ns since 1970-01-01T00:00:00Z, a 64-bit integer): exact, ordered and portable across databases.</summary>
/// <remarks>Every <see cref="Instant"/> value fits, <see cref="Instant.MinValue"/> and <see cref="Instant.MaxValue"/> included; sub-tick precision (below 100 ns) is dropped.</remarks>
public sealed class InstantTicksConverter() : ValueConverter<Instant, long>(v => v.ToUnixTimeTicks(), v => Instant.FromUnixTimeTicks(v));

/// <summary>Stores a <see cref="LocalDate"/> (ISO calendar) as a <see cref="DateOnly"/> (<c>date</c> on PostgreSQL, <c>yyyy-MM-dd</c> text on SQLite).</summary>
public sealed class LocalDateConverter() : ValueConverter<LocalDate, DateOnly>(v => new DateOnly(v.Year, v.Month, v.Day), v => new LocalDate(v.Year, v.Month, v.Day));

/// <summary>Stores a <see cref="CurrencyCode"/> as its ISO 4217 code; a <see cref="Money"/> amount goes beside it in a <see cref="decimal"/> column.</summary>
public sealed class CurrencyCodeConverter() : ValueConverter<CurrencyCode, string>(v => v.Value, v => new CurrencyCode(v));
