using NodaTime;

namespace Crm.Samples.RetentionReport.Analysis;

/// <summary>
/// How well the BG/NBD fit predicts the holdout period (the days after the calibration end up to the end of observation):
/// the purchase days it expects of the calibration customers there, beside the purchase days they made.
/// </summary>
/// <param name="From">The first day of the holdout period.</param>
/// <param name="To">The last day of the holdout period.</param>
/// <param name="ActualPurchaseDays">Purchase days of the calibration customers in the holdout period.</param>
/// <param name="PredictedPurchaseDays">The sum over those customers of the expected purchase days in the holdout period.</param>
internal sealed record HoldoutCheck(LocalDate From, LocalDate To, long ActualPurchaseDays, double PredictedPurchaseDays);
