using Crm.Privacy;
using Crm.Storage;
using NodaTime;

namespace Crm.Interactions.Purchases;

/// <summary>A contact's contract or subscription: a plan, a start, an end, and whether it is active, ended or cancelled (with a reason).</summary>
/// <remarks>While active, <see cref="End"/> is the planned end (or <see langword="null"/> for open-ended); once ended or cancelled it is when it actually stopped.</remarks>
public sealed class Contract
{
    /// <summary>Creates a contract snapshot.</summary>
    /// <exception cref="ArgumentException">An id or the tenant is empty, the end is before the start, a cancelled contract has no end, or a text breaks its rule.</exception>
    public Contract(
        TenantId tenantId, ContractId id, ContactId contactId, string? plan, Instant start, Instant? end, ContractStatus status,
        string? cancellationReason, Instant recordedAt, ConcurrencyStamp concurrencyStamp)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ContractId.ThrowIfEmpty(id);
        ContactId.ThrowIfEmpty(contactId);
        EnumRules.Check(status, nameof(status));
        if (end is { } e && e < start)
        {
            throw new ArgumentException("Contract.End must not be before Contract.Start.", nameof(end));
        }

        if (status != ContractStatus.Active && end is null)
        {
            throw new ArgumentException("An ended or cancelled contract needs its end.", nameof(end));
        }

        if (concurrencyStamp.IsEmpty)
        {
            throw new ArgumentException("A contract needs a concurrency stamp.", nameof(concurrencyStamp));
        }

        TenantId = tenantId;
        Id = id;
        ContactId = contactId;
        Plan = TextRules.OptionalLabel(plan, "Contract.Plan", nameof(plan));
        Start = start;
        End = end;
        Status = status;
        CancellationReason = status == ContractStatus.Cancelled ? TextRules.OptionalText(cancellationReason, "Contract.CancellationReason", nameof(cancellationReason)) : null;
        RecordedAt = recordedAt;
        ConcurrencyStamp = concurrencyStamp;
    }

    /// <summary>The tenant.</summary>
    public TenantId TenantId { get; }

    /// <summary>The id.</summary>
    public ContractId Id { get; }

    /// <summary>The customer.</summary>
    public ContactId ContactId { get; }

    /// <summary>The plan or product name, if given.</summary>
    public string? Plan { get; }

    /// <summary>When the contract started.</summary>
    public Instant Start { get; }

    /// <summary>The planned end while active (or <see langword="null"/>), the actual end once ended or cancelled.</summary>
    public Instant? End { get; }

    /// <summary>Where the contract stands.</summary>
    public ContractStatus Status { get; }

    /// <summary>Why it was cancelled, in the team's words; <see langword="null"/> unless cancelled, or after erasure.</summary>
    [PersonalData]
    public string? CancellationReason { get; }

    /// <summary>When it was first stored.</summary>
    public Instant RecordedAt { get; }

    /// <summary>The version token, new on every write.</summary>
    public ConcurrencyStamp ConcurrencyStamp { get; }

    internal Contract WithStatus(ContractStatus status, Instant end, string? reason)
        => new(TenantId, Id, ContactId, Plan, Start, end, status, reason, RecordedAt, ConcurrencyStamp.New());

    internal Contract Anonymized()
        => new(TenantId, Id, ContactId, Plan, Start, End, Status, null, RecordedAt, ConcurrencyStamp.New());

    /// <summary>The status, period and id; never the reason.</summary>
    public override string ToString() => $"contract {Id} {Status} {Start}..{End}";
}
