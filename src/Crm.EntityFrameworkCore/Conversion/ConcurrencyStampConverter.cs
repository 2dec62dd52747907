using Crm.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Crm.EntityFrameworkCore.Conversion;

/// <summary>Stores a <see cref="ConcurrencyStamp"/> as its <see cref="Guid"/>; the column is the row's concurrency token.</summary>
public sealed class ConcurrencyStampConverter() : ValueConverter<ConcurrencyStamp, Guid>(v => v.Value, v => ConcurrencyStamp.FromGuid(v));
