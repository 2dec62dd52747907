using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Crm.EntityFrameworkCore.Conversion;

/// <summary>Stores a <see cref="TenantId"/> as its text.</summary>
public sealed class TenantIdConverter() : ValueConverter<TenantId, string>(v => v.Value, v => new TenantId(v));
