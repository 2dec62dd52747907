namespace Crm.Loyalty.Program;

/// <summary>How part of a purchase was paid; the program decides which tenders earn.</summary>
public enum TenderKind
{
    /// <summary>Cash, card or any other external payment.</summary>
    Standard = 0,

    /// <summary>Paid with loyalty points.</summary>
    Points = 1,

    /// <summary>Paid with a gift card.</summary>
    GiftCard = 2,

    /// <summary>Paid from a pre-paid top-up balance.</summary>
    TopUp = 3,
}
