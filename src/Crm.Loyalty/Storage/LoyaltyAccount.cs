using Crm.Loyalty.Ledger;

namespace Crm.Loyalty.Storage;

/// <summary>What a store derives from a member's ledger for the manager to decide a command: the open lots, the outstanding debts and the balance version.</summary>
/// <remarks>A lot is open while it has points left, or is held and not yet activated. A member with no entries has no lots and version 0.</remarks>
public sealed record LoyaltyAccount
{
    /// <summary>Creates the account view.</summary>
    /// <exception cref="ArgumentException">The contact id is empty.</exception>
    /// <exception cref="ArgumentNullException">A list is null.</exception>
    public LoyaltyAccount(ContactId contactId, long version, IReadOnlyList<LotBalance> openLots, IReadOnlyList<DebtBalance> debts)
    {
        ContactId.ThrowIfEmpty(contactId);
        ArgumentOutOfRangeException.ThrowIfNegative(version);
        ArgumentNullException.ThrowIfNull(openLots);
        ArgumentNullException.ThrowIfNull(debts);
        ContactId = contactId;
        Version = version;
        OpenLots = openLots;
        Debts = debts;
    }

    /// <summary>The member.</summary>
    public ContactId ContactId { get; }

    /// <summary>The member's balance version counter (<see cref="LoyaltyChangeSet.BalanceCounter"/>).</summary>
    public long Version { get; }

    /// <summary>Lots with points left or still held, in no particular order.</summary>
    public IReadOnlyList<LotBalance> OpenLots { get; }

    /// <summary>Debit entries with points still owed, oldest first.</summary>
    public IReadOnlyList<DebtBalance> Debts { get; }

    /// <summary>The balance these figures give.</summary>
    public PointsBalance Balance => new(
        OpenLots.Where(l => l.IsActive).Sum(l => l.Remaining),
        OpenLots.Where(l => !l.IsActive).Sum(l => l.Remaining),
        Debts.Sum(d => d.Outstanding),
        Version);
}
