namespace Crm.Interactions;

/// <summary>Thrown when an operation names an interaction, purchase, contract, case or feedback response that does not exist in the tenant.</summary>
public sealed class RecordNotFoundException : CrmException
{
    /// <summary>The stable error code.</summary>
    public const string ErrorCode = "crm.interactions.record_not_found";

    /// <summary>Creates the exception.</summary>
    public RecordNotFoundException(string entity, string id)
        : base(ErrorCode, $"The {entity} '{id}' does not exist in this tenant.")
    {
        Entity = entity;
        Id = id;
    }

    /// <summary>The kind of record, e.g. <c>purchase</c>.</summary>
    public string Entity { get; }

    /// <summary>The id that was not found.</summary>
    public string Id { get; }
}
