using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Crm.EntityFrameworkCore.Conversion;

/// <summary>Stores a <see cref="CurrencyCode"/> as its ISO 4217 code; a <see cref="Money"/> amount goes beside it in a <see cref="decimal"/> column.</summary>
public sealed class CurrencyCodeConverter() : ValueConverter<CurrencyCode, string>(v => v.Value, v => new CurrencyCode(v));
