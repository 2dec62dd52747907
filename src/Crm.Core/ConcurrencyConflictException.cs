namespace Crm;

/// <summary>Thrown when a write was based on a stale version of a record: someone else changed it first.</summary>
/// <remarks>Nothing was written. Reload the record, re-apply the change and try again.</remarks>
public sealed class ConcurrencyConflictException : CrmException
{
    /// <summary>The stable error code.</summary>
    public const string ErrorCode = "crm.concurrency_conflict";

    /// <summary>Creates the exception for a record of the given kind.</summary>
    public ConcurrencyConflictException(string entity, string id)
        : base(ErrorCode, $"The {entity} '{id}' was changed by another writer since it was read; nothing was written. Reload it and try again.")
    {
        Entity = entity;
        Id = id;
    }

    /// <summary>The kind of record, e.g. <c>contact</c>.</summary>
    public string Entity { get; }

    /// <summary>The id of the record.</summary>
    public string Id { get; }
}
