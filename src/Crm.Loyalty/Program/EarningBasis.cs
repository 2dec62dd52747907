namespace Crm.Loyalty.Program;

/// <summary>Which part of a purchase earns: the stated order of operations of a program.</summary>
/// <remarks>
/// Per line, in this order: start from the line amount; subtract its discount when <see cref="AfterDiscounts"/>; add its
/// tax when <see cref="IncludeTax"/>; multiply by the share of the purchase paid with <see cref="EarningTenders"/>
/// (so amounts paid with points, gift cards or top-ups don't earn by default); multiply by the rate and the multipliers;
/// round once with the program's rounding mode; finally apply the caps.
/// </remarks>
public sealed record EarningBasis
{
    /// <summary>Whether discounts reduce the amount that earns (default <see langword="true"/>: points on what was paid).</summary>
    public bool AfterDiscounts { get; init; } = true;

    /// <summary>Whether tax earns (default <see langword="false"/>: points before tax).</summary>
    public bool IncludeTax { get; init; }

    /// <summary>The tenders whose share of a purchase earns (default: <see cref="TenderKind.Standard"/> only).</summary>
    public IReadOnlyList<TenderKind> EarningTenders { get; init; } = [TenderKind.Standard];
}
