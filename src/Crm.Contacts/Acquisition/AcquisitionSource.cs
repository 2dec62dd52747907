using Crm.Contacts.Privacy;
using Crm.Contacts.Profile;
using Crm.Privacy;

namespace Crm.Contacts.Acquisition;

/// <summary>Where a contact came from, in marketing-attribution terms: source, medium, campaign and detail (like UTM parameters).</summary>
/// <remarks>
/// Kept apart from <see cref="RecordOrigin"/>: a person who found the shop through a newsletter (<c>newsletter</c> /
/// <c>email</c>) may be recorded manually, by API or by import. <see cref="Source"/> is required; all parts are host-defined
/// codes or labels, not free text from the customer. <see cref="Source"/> and <see cref="Medium"/> are trimmed and
/// lower-cased so reports group them; <see cref="Campaign"/> and <see cref="Detail"/> are trimmed and kept as given.
/// Each part is single-line and at most <see cref="MaxLength"/> characters.
/// </remarks>
public sealed class AcquisitionSource : IEquatable<AcquisitionSource>
{
    /// <summary>The maximum length of each part.</summary>
    public const int MaxLength = 200;

    /// <summary>Creates an acquisition source.</summary>
    /// <exception cref="ArgumentException">The source is empty, or a part is too long or contains control characters.</exception>
    public AcquisitionSource(string source, string? medium = null, string? campaign = null, string? detail = null)
    {
        Source = TextRules.RequiredText(source, MaxLength, "AcquisitionSource.Source", nameof(source)).ToLowerInvariant();
        Medium = TextRules.OptionalText(medium, MaxLength, "AcquisitionSource.Medium", nameof(medium))?.ToLowerInvariant();
        Campaign = TextRules.OptionalText(campaign, MaxLength, "AcquisitionSource.Campaign", nameof(campaign));
        Detail = TextRules.OptionalText(detail, MaxLength, "AcquisitionSource.Detail", nameof(detail));
    }

    /// <summary>Who sent the contact, e.g. <c>google</c>, <c>newsletter</c>, <c>trade-fair-2025</c>, <c>referral</c>.</summary>
    public string Source { get; }

    /// <summary>The kind of channel, e.g. <c>cpc</c>, <c>email</c>, <c>organic</c>, <c>offline</c>.</summary>
    public string? Medium { get; }

    /// <summary>The campaign, e.g. <c>spring-sale</c>.</summary>
    public string? Campaign { get; }

    /// <summary>Any further detail the host tracks (ad content, keyword, landing page).</summary>
    /// <remarks>
    /// Treated as personal data, unlike the other parts: search keywords and landing-page addresses can carry what the
    /// person typed (even an email address in a query string). Erasure drops it and keeps source, medium and campaign.
    /// </remarks>
    [PersonalData]
    public string? Detail { get; }

    /// <inheritdoc />
    public bool Equals(AcquisitionSource? other)
        => other is not null
           && string.Equals(Source, other.Source, StringComparison.Ordinal)
           && string.Equals(Medium, other.Medium, StringComparison.Ordinal)
           && string.Equals(Campaign, other.Campaign, StringComparison.Ordinal)
           && string.Equals(Detail, other.Detail, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as AcquisitionSource);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Source, Medium, Campaign, Detail);

    /// <summary>The parts joined by '/', e.g. <c>google/cpc/spring-sale</c>.</summary>
    public override string ToString() => string.Join('/', new[] { Source, Medium, Campaign, Detail }.Where(p => p is not null));
}
