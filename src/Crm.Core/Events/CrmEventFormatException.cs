namespace Crm.Events;

/// <summary>Thrown when a stored event cannot be read back: an unknown type name, an unsupported schema version or malformed JSON.</summary>
public sealed class CrmEventFormatException : CrmException
{
    /// <summary>The stable error code.</summary>
    public const string ErrorCode = "crm.event_format";

    /// <summary>Creates the exception.</summary>
    public CrmEventFormatException(string typeName, int version, string reason, Exception? innerException = null)
        : base(ErrorCode, $"The stored event of type '{typeName}' version {version} cannot be read: {reason}", innerException)
    {
        TypeName = typeName;
        Version = version;
    }

    /// <summary>The stored type name.</summary>
    public string TypeName { get; }

    /// <summary>The stored schema version.</summary>
    public int Version { get; }
}
