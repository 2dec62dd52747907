using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NodaTime;

namespace Crm.EntityFrameworkCore.Conversion;

/// <summary>Stores an <see cref="Instant"/> as Unix ticks (100 ns since 1970-01-01T00:00:00Z, a 64-bit integer): exact, ordered and portable across databases.</summary>
/// <remarks>Every <see cref="Instant"/> value fits, <see cref="Instant.MinValue"/> and <see cref="Instant.MaxValue"/> included; sub-tick precision (below 100 ns) is dropped.</remarks>
public sealed class InstantTicksConverter() : ValueConverter<Instant, long>(v => v.ToUnixTimeTicks(), v => Instant.FromUnixTimeTicks(v));
