using Crm.Events;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Crm.EntityFrameworkCore.Conversion;

/// <summary>Stores a <see cref="CrmEventId"/> as its <see cref="Guid"/>.</summary>
public sealed class CrmEventIdConverter() : ValueConverter<CrmEventId, Guid>(v => v.Value, v => new CrmEventId(v));
