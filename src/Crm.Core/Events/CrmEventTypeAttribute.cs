namespace Crm.Events;

/// <summary>Names an event type and the version of its JSON schema, as stored in the outbox and read back by any version of the library.</summary>
/// <remarks>
/// The name is stable across renames of the .NET type: lower-case, dotted, starting with the package
/// (<c>crm.contacts.referral_recorded</c>). Raise <see cref="Version"/> when the shape of the JSON changes incompatibly.
/// Every concrete <see cref="CrmEvent"/> must carry it; registering an event type without it fails.
/// </remarks>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class CrmEventTypeAttribute : Attribute
{
    /// <summary>Names the event type.</summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> breaks the naming rule, or <paramref name="version"/> is not positive.</exception>
    public CrmEventTypeAttribute(string name, int version)
    {
        CrmEventTypeName.Validate(name, nameof(name));
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        Name = name;
        Version = version;
    }

    /// <summary>The stable type name.</summary>
    public string Name { get; }

    /// <summary>The schema version of the JSON payload.</summary>
    public int Version { get; }
}
