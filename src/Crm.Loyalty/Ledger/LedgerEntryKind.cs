namespace Crm.Loyalty.Ledger;

/// <summary>What a ledger entry records.</summary>
public enum LedgerEntryKind
{
    /// <summary>Points earned (a purchase or an event); creates a lot.</summary>
    Earn = 1,

    /// <summary>Points spent; allocated to lots, soonest-expiring first.</summary>
    Redeem = 2,

    /// <summary>The remaining points of one lot that reached its expiry.</summary>
    Expire = 3,

    /// <summary>A manual correction with a reason: a positive one creates a lot, a negative one is allocated like a redemption.</summary>
    Adjust = 4,

    /// <summary>Undoes (part of) an earlier entry: a refund reversing an earning, or a cancelled redemption restoring points.</summary>
    Reverse = 5,

    /// <summary>A held (pending) lot became available; changes no balance total.</summary>
    Activate = 6,
}
