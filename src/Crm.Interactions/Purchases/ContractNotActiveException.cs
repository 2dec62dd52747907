namespace Crm.Interactions.Purchases;

/// <summary>Thrown when a contract that already ended or was cancelled is asked to end or cancel; nothing was written.</summary>
public sealed class ContractNotActiveException : CrmException
{
    /// <summary>The stable error code.</summary>
    public const string ErrorCode = "crm.interactions.contract_not_active";

    /// <summary>Creates the exception.</summary>
    public ContractNotActiveException(ContractId contractId, ContractStatus status)
        : base(ErrorCode, $"Contract '{contractId}' is {status}; only an active contract can end or be cancelled.")
    {
        ContractId = contractId;
        Status = status;
    }

    /// <summary>The contract.</summary>
    public ContractId ContractId { get; }

    /// <summary>Its status.</summary>
    public ContractStatus Status { get; }
}
