namespace Crm.Loyalty.Ledger;

/// <summary>A member's balance as derived from the ledger, with the version a conditional debit is guarded by.</summary>
/// <param name="Available">Points in active lots: what can be spent.</param>
/// <param name="Pending">Points in lots still held (for example during the return window).</param>
/// <param name="Debt">Points owed after a clawback the debt policy let go negative; later credits settle it first.</param>
/// <param name="Version">The member's balance version counter.</param>
public sealed record PointsBalance(long Available, long Pending, long Debt, long Version)
{
    /// <summary>The total: <see cref="Available"/> + <see cref="Pending"/> − <see cref="Debt"/>, always equal to the sum of the member's ledger entries.</summary>
    public long Total => Available + Pending - Debt;
}
