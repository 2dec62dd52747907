using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Crm.EntityFrameworkCore.Conversion;

/// <summary>Stores a <see cref="ContactId"/> as its <see cref="Guid"/> (a <c>uuid</c> on PostgreSQL, text on SQLite).</summary>
public sealed class ContactIdConverter() : ValueConverter<ContactId, Guid>(v => v.Value, v => new ContactId(v));
