namespace Crm.Loyalty.Tiers;

/// <summary>How a tier window is placed in time, in the program's time zone.</summary>
public enum TierWindowKind
{
    /// <summary>The last <see cref="TierWindow.Length"/> up to the as-of instant, from the start of a local day.</summary>
    Rolling = 1,

    /// <summary>The local calendar year holding the as-of instant.</summary>
    CalendarYear = 2,

    /// <summary>The local calendar quarter holding the as-of instant.</summary>
    CalendarQuarter = 3,

    /// <summary>The membership year holding the as-of instant, counted from the local date of the member's first ledger entry.</summary>
    Anniversary = 4,
}
