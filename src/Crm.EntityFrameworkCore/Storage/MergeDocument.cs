using System.Text.Json;
using System.Text.Json.Serialization;
using Crm.Contacts;
using Crm.Contacts.Acquisition;
using Crm.Contacts.Merging;
using Crm.Contacts.Referrals;
using NodaTime;

namespace Crm.EntityFrameworkCore.Storage;

/// <summary>The versioned JSON form of a <see cref="MergeRecord"/> (crm_merges.document), re-validated through the model's constructors on reading.</summary>
internal static class MergeDocument
{
    public const int CurrentFormatVersion = 1;

    public static string Serialize(MergeRecord record) => JsonSerializer.Serialize(
        new MergeDto(
            CurrentFormatVersion,
            record.SurvivorId.Value,
            [.. record.AbsorbedIds.Select(id => id.Value)],
            record.MergedAt.ToUnixTimeTicks(),
            [.. record.Decisions.Select(d => new DecisionDto(d.Field, d.Policy?.ToString(), [.. d.ValueFrom.Select(v => v.Value)], d.Changed))],
            [.. record.ReferralsRemoved.Select(ToDto)],
            [.. record.ReferralsAdded.Select(ToDto)],
            [.. record.AbsorbedAcquisitions.Select(a => new AcquisitionDto(a.Key.Value, a.Value.Source, a.Value.Medium, a.Value.Campaign, a.Value.Detail))]),
        EfJsonContext.Default.MergeDto);

    /// <exception cref="InvalidOperationException">The stored document is malformed or of another format version.</exception>
    public static MergeRecord Deserialize(string json)
    {
        MergeDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize(json, EfJsonContext.Default.MergeDto);
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException("A stored merge record is malformed.", ex);
        }

        if (dto is null || dto.FormatVersion != CurrentFormatVersion)
        {
            throw new InvalidOperationException($"A stored merge record must have format version {CurrentFormatVersion}.");
        }

        return new MergeRecord(
            new ContactId(dto.SurvivorId),
            [.. dto.AbsorbedIds.Select(id => new ContactId(id))],
            Instant.FromUnixTimeTicks(dto.MergedAt),
            [.. dto.Decisions.Select(d => new MergeFieldDecision(
                d.Field, d.Policy is null ? null : Enum.Parse<MergeFieldPolicy>(d.Policy), [.. d.ValueFrom.Select(v => new ContactId(v))], d.Changed))],
            [.. dto.ReferralsRemoved.Select(FromDto)],
            [.. dto.ReferralsAdded.Select(FromDto)],
            dto.AbsorbedAcquisitions.ToDictionary(a => new ContactId(a.ContactId), a => new AcquisitionSource(a.Source, a.Medium, a.Campaign, a.Detail)));
    }

    private static ReferralDto ToDto(Referral r) => new(r.RefereeId.Value, r.ReferrerId.Value, r.ReferredAt.ToUnixTimeTicks(), r.RequestId?.Value);

    private static Referral FromDto(ReferralDto r)
        => new(new ContactId(r.RefereeId), new ContactId(r.ReferrerId), Instant.FromUnixTimeTicks(r.ReferredAt), r.RequestId is { } q ? new ReferralRequestId(q) : null);
}

internal sealed record MergeDto(
    int FormatVersion,
    Guid SurvivorId,
    Guid[] AbsorbedIds,
    long MergedAt,
    DecisionDto[] Decisions,
    ReferralDto[] ReferralsRemoved,
    ReferralDto[] ReferralsAdded,
    AcquisitionDto[] AbsorbedAcquisitions);

internal sealed record DecisionDto(string Field, string? Policy, Guid[] ValueFrom, bool Changed);

internal sealed record ReferralDto(Guid RefereeId, Guid ReferrerId, long ReferredAt, Guid? RequestId);

internal sealed record AcquisitionDto(Guid ContactId, string Source, string? Medium, string? Campaign, string? Detail);

/// <summary>The package's source-generated JSON metadata (camelCase, unknown members refused).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(MergeDto))]
internal sealed partial class EfJsonContext : JsonSerializerContext;
