using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NodaTime;

namespace Crm.EntityFrameworkCore.Conversion;

/// <summary>Stores a <see cref="LocalDate"/> (ISO calendar) as a <see cref="DateOnly"/> (<c>date</c> on PostgreSQL, <c>yyyy-MM-dd</c> text on SQLite).</summary>
public sealed class LocalDateConverter() : ValueConverter<LocalDate, DateOnly>(v => new DateOnly(v.Year, v.Month, v.Day), v => new LocalDate(v.Year, v.Month, v.Day));
