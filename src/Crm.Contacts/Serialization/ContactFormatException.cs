namespace Crm.Contacts.Serialization;

/// <summary>Thrown when a stored contact document cannot be read: malformed JSON, an unsupported format version, a missing field or a value that breaks a rule of the model.</summary>
/// <remarks>
/// The message names the field (as a JSON path) and the rule, never the personal data in it. No partly rebuilt contact is
/// ever returned. <see cref="Exception.InnerException"/> holds the parser's or the value object's exception when there is one.
/// </remarks>
public sealed class ContactFormatException : CrmException
{
    /// <summary>The stable error code of this exception.</summary>
    public const string ErrorCode = "crm.contact_format";

    /// <summary>Creates the exception with a message naming the field and the rule.</summary>
    /// <param name="message">What is wrong: the field and the rule it breaks.</param>
    /// <param name="innerException">The underlying parser or validation exception, if any.</param>
    public ContactFormatException(string message, Exception? innerException = null)
        : base(ErrorCode, message, innerException)
    {
    }
}
