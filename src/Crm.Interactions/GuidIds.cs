using System.Text.Json;
using System.Text.Json.Serialization;

namespace Crm.Interactions;

/// <summary>Parsing, checks and JSON for the package's Guid-backed ids (<see cref="IGuidId{TSelf}"/>).</summary>
internal static class GuidIds
{
    public static Guid Check(Guid value, string typeName, string paramName)
        => value == Guid.Empty ? throw new ArgumentException($"{typeName} must not be the empty Guid.", paramName) : value;

    public static bool TryParse<TId>(string? value, out TId id)
        where TId : struct, IGuidId<TId>
    {
        if (Guid.TryParseExact(value, "D", out var guid) && guid != Guid.Empty)
        {
            id = TId.FromGuid(guid);
            return true;
        }

        id = default;
        return false;
    }

    public static TId Parse<TId>(string value)
        where TId : struct, IGuidId<TId>
        => TryParse<TId>(value, out var id) ? id : throw new FormatException($"{TId.TypeName} must be a non-empty Guid in the 'D' format.");

    public static void ThrowIfEmpty<TId>(TId id, string? paramName)
        where TId : struct, IGuidId<TId>
    {
        if (id.Value == Guid.Empty)
        {
            throw new ArgumentException($"{TId.TypeName} must not be empty (the default value is not an id).", paramName);
        }
    }
}

/// <summary>Reads and writes a Guid-backed id of this package as a JSON string in the 'D' format.</summary>
internal sealed class GuidIdJsonConverter<TId> : JsonConverter<TId>
    where TId : struct, IGuidId<TId>
{
    public override TId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => GuidIds.TryParse<TId>(reader.GetString(), out var id) ? id : throw new JsonException($"Expected a {TId.TypeName} (a non-empty Guid).");

    public override void Write(Utf8JsonWriter writer, TId value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Value.ToString("D"));
    }
}
