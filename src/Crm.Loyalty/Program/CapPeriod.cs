namespace Crm.Loyalty.Program;

/// <summary>The period an earning cap counts over, in the program's time zone.</summary>
public enum CapPeriod
{
    /// <summary>The local calendar day.</summary>
    Day = 1,

    /// <summary>The ISO week (Monday to Sunday).</summary>
    Week = 2,

    /// <summary>The local calendar month.</summary>
    Month = 3,

    /// <summary>The member's whole membership (a per-customer cap).</summary>
    Lifetime = 4,
}
