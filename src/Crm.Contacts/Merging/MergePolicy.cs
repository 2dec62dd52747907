namespace Crm.Contacts.Merging;

/// <summary>The per-field conflict policies of a merge. The defaults fill the survivor's gaps and keep every address, number, tag and attribute.</summary>
/// <remarks>
/// Fixed rules that no policy changes: consent histories are always combined (consent proof survives), lifecycle logs
/// are replayed together, <see cref="Contact.CreatedAt"/> becomes the earliest of all, the survivor keeps its id,
/// status and <see cref="Contact.Origin"/>. See <see cref="ContactMerger"/>.
/// </remarks>
public sealed class MergePolicy
{
    /// <summary>The default policies.</summary>
    public static MergePolicy Default { get; } = new();

    /// <summary>The name. Default <see cref="MergeFieldPolicy.PreferSurvivor"/>.</summary>
    public MergeFieldPolicy Name { get; init; } = MergeFieldPolicy.PreferSurvivor;

    /// <summary>The email addresses. Default <see cref="MergeFieldPolicy.Union"/>.</summary>
    public MergeFieldPolicy Emails { get; init; } = MergeFieldPolicy.Union;

    /// <summary>The phone numbers. Default <see cref="MergeFieldPolicy.Union"/>.</summary>
    public MergeFieldPolicy PhoneNumbers { get; init; } = MergeFieldPolicy.Union;

    /// <summary>The birthday. Default <see cref="MergeFieldPolicy.PreferSurvivor"/>.</summary>
    public MergeFieldPolicy Birthday { get; init; } = MergeFieldPolicy.PreferSurvivor;

    /// <summary>The birthplace. Default <see cref="MergeFieldPolicy.PreferSurvivor"/>.</summary>
    public MergeFieldPolicy Birthplace { get; init; } = MergeFieldPolicy.PreferSurvivor;

    /// <summary>The preferred language. Default <see cref="MergeFieldPolicy.PreferSurvivor"/>.</summary>
    public MergeFieldPolicy PreferredLanguage { get; init; } = MergeFieldPolicy.PreferSurvivor;

    /// <summary>The time zone. Default <see cref="MergeFieldPolicy.PreferSurvivor"/>.</summary>
    public MergeFieldPolicy TimeZone { get; init; } = MergeFieldPolicy.PreferSurvivor;

    /// <summary>The tags. Default <see cref="MergeFieldPolicy.Union"/>.</summary>
    public MergeFieldPolicy Tags { get; init; } = MergeFieldPolicy.Union;

    /// <summary>The custom attributes. Default <see cref="MergeFieldPolicy.Union"/>.</summary>
    public MergeFieldPolicy Attributes { get; init; } = MergeFieldPolicy.Union;

    /// <summary>The acquisition source. Default <see cref="MergeFieldPolicy.PreferSurvivor"/>; the absorbed contacts' sources are kept in <see cref="MergeRecord.AbsorbedAcquisitions"/>.</summary>
    public MergeFieldPolicy Acquisition { get; init; } = MergeFieldPolicy.PreferSurvivor;

    /// <summary>Checks every policy: defined, and <see cref="MergeFieldPolicy.Union"/> only on list fields.</summary>
    internal void Validate(string paramName)
    {
        Scalar(Name, nameof(Name), paramName);
        List(Emails, nameof(Emails), paramName);
        List(PhoneNumbers, nameof(PhoneNumbers), paramName);
        Scalar(Birthday, nameof(Birthday), paramName);
        Scalar(Birthplace, nameof(Birthplace), paramName);
        Scalar(PreferredLanguage, nameof(PreferredLanguage), paramName);
        Scalar(TimeZone, nameof(TimeZone), paramName);
        List(Tags, nameof(Tags), paramName);
        List(Attributes, nameof(Attributes), paramName);
        Scalar(Acquisition, nameof(Acquisition), paramName);
    }

    private static void List(MergeFieldPolicy policy, string field, string paramName)
    {
        if (!Enum.IsDefined(policy))
        {
            throw new ArgumentOutOfRangeException(paramName, policy, $"MergePolicy.{field} must be a defined MergeFieldPolicy.");
        }
    }

    private static void Scalar(MergeFieldPolicy policy, string field, string paramName)
    {
        List(policy, field, paramName);
        if (policy == MergeFieldPolicy.Union)
        {
            throw new ArgumentException($"MergePolicy.{field} must not be Union: Union applies only to Emails, PhoneNumbers, Tags and Attributes.", paramName);
        }
    }

    /// <summary>Every field's policy.</summary>
    public override string ToString() => $"MergePolicy (Name {Name}, Emails {Emails}, PhoneNumbers {PhoneNumbers}, Birthday {Birthday}, Birthplace {Birthplace}, PreferredLanguage {PreferredLanguage}, TimeZone {TimeZone}, Tags {Tags}, Attributes {Attributes}, Acquisition {Acquisition})";
}
