namespace Crm.Loyalty.Storage;

/// <summary>An optional store capability: moves a merged contact's ledger to the survivor (Crm.Contacts' <c>ContactsMerged</c>) and remembers where it went.</summary>
public interface ILoyaltyMemberMergeStore
{
    /// <summary>The member <paramref name="contactId"/>'s ledger was merged into, or <see langword="null"/> when it was not merged.</summary>
    ValueTask<ContactId?> FindMergeSurvivorAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken);

    /// <summary>Moves the absorbed member's entries, lots and allocations to the survivor and records the merge, atomically with the change set's events.</summary>
    /// <exception cref="ConcurrencyConflictException">Nothing was written: a balance counter moved, or the absorbed member was merged already (entity <c>ledger merge</c>). Retryable.</exception>
    ValueTask MergeMembersAsync(TenantId tenantId, LedgerMergeChangeSet changes, CancellationToken cancellationToken);
}
