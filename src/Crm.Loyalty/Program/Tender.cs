namespace Crm.Loyalty.Program;

/// <summary>A part of a purchase's payment.</summary>
/// <param name="Kind">How it was paid.</param>
/// <param name="Amount">How much; in the program's currency, not negative.</param>
public sealed record Tender(TenderKind Kind, Money Amount);
