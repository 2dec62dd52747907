using System.Text.Json;
using System.Text.Json.Serialization;
using Crm.Loyalty.Ledger;
using Crm.Loyalty.Program;

namespace Crm.EntityFrameworkCore.Loyalty;

/// <summary>The versioned JSON form of an <see cref="EarningSnapshot"/> (crm_loyalty_entries.snapshot), re-validated through the model's constructors on reading.</summary>
/// <remarks>Version 2 adds the tier used (<c>tierId</c>, <c>tierMultiplier</c>); version 1 documents (no tier) are still read.</remarks>
internal static class SnapshotDocument
{
    public const int CurrentFormatVersion = 2;

    public static string? Serialize(EarningSnapshot? snapshot) => snapshot is null ? null : JsonSerializer.Serialize(
        new SnapshotDto(
            CurrentFormatVersion,
            snapshot.ProgramId,
            snapshot.Rounding.ToString(),
            [.. snapshot.Lines.Select(l => new LineDto(l.LineId, l.Amount, l.Basis, l.RuleId, l.Rate, l.Multiplier, l.Points))],
            snapshot.CappedPoints,
            snapshot.TierId,
            snapshot.TierId is null ? null : snapshot.TierMultiplier),
        LoyaltyJsonContext.Default.SnapshotDto);

    /// <exception cref="InvalidOperationException">The stored document is malformed or of another format version.</exception>
    public static EarningSnapshot? Deserialize(string? json)
    {
        if (json is null)
        {
            return null;
        }

        SnapshotDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize(json, LoyaltyJsonContext.Default.SnapshotDto);
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException("A stored earning snapshot is malformed.", ex);
        }

        if (dto is null || dto.FormatVersion is < 1 or > CurrentFormatVersion)
        {
            throw new InvalidOperationException($"A stored earning snapshot must have format version 1 to {CurrentFormatVersion}.");
        }

        return new EarningSnapshot(
            dto.ProgramId,
            Enum.Parse<PointsRounding>(dto.Rounding),
            [.. dto.Lines.Select(l => new EarnedLine(l.LineId, l.Amount, l.Basis, l.RuleId, l.Rate, l.Multiplier, l.Points))],
            dto.CappedPoints)
        {
            TierId = dto.TierId,
            TierMultiplier = dto.TierMultiplier ?? 1m,
        };
    }
}

internal sealed record SnapshotDto(int FormatVersion, string ProgramId, string Rounding, LineDto[] Lines, long CappedPoints, string? TierId = null, decimal? TierMultiplier = null);

internal sealed record LineDto(string LineId, decimal Amount, decimal Basis, string? RuleId, decimal Rate, decimal Multiplier, long Points);

/// <summary>The loyalty store's source-generated JSON metadata (camelCase, unknown members refused).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(SnapshotDto))]
internal sealed partial class LoyaltyJsonContext : JsonSerializerContext;
