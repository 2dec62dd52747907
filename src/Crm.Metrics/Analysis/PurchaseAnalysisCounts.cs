namespace Crm.Metrics.Analysis;

/// <summary>What became of every purchase a <see cref="PurchaseAnalysisAccumulator{TCustomer}"/> read: analysed, or left out with the reason.</summary>
/// <param name="RowsRead">Every purchase added: RowsRead = InCalibration + BeforeStart + InHoldout + AfterObservationEnd.</param>
/// <param name="InCalibration">The purchases from the start (or the first purchase) to the calibration end: every figure but the rows read is computed from them.</param>
/// <param name="BeforeStart">The purchases left out because their day is before the configured start.</param>
/// <param name="InHoldout">The purchases after the calibration end, up to the observation end: they feed only the holdout data of the model inputs.</param>
/// <param name="AfterObservationEnd">The purchases left out because their day is after the last day read (the observation end, or the calibration end without a holdout period).</param>
/// <param name="CustomersFirstSeenInHoldout">Customers whose every purchase read is in the holdout period: they have no calibration history and appear in no figure.</param>
public sealed record PurchaseAnalysisCounts(long RowsRead, long InCalibration, long BeforeStart, long InHoldout, long AfterObservationEnd, long CustomersFirstSeenInHoldout)
{
    /// <summary>All purchases after the calibration end: InHoldout + AfterObservationEnd.</summary>
    public long AfterCalibrationEnd => InHoldout + AfterObservationEnd;
}
