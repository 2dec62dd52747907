namespace Crm;

/// <summary>The base of every domain failure that CrmCore packages throw.</summary>
/// <remarks>
/// Bad arguments are reported with the BCL's <see cref="ArgumentException"/> family; a <see cref="CrmException"/>
/// means the request was well-formed but a business rule refused it. <see cref="Code"/> is stable across versions
/// and safe to switch on or to return to a client. A failed operation leaves every store unchanged.
/// </remarks>
public abstract class CrmException : Exception
{
    /// <summary>Creates the exception.</summary>
    protected CrmException(string code, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        Code = code;
    }

    /// <summary>A stable, machine-readable error code such as <c>crm.concurrency_conflict</c>.</summary>
    public string Code { get; }
}
