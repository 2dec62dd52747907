namespace Crm.Samples.RetentionReport.Analysis;

/// <summary>One monthly acquisition cohort: its size and the share of it active in each calendar month since.</summary>
/// <param name="Cohort">The month of the first purchase, "yyyy-MM".</param>
/// <param name="Size">The customers whose first purchase fell in that month.</param>
/// <param name="Active">For month 0, 1, 2… after it, up to the month of the calibration end: the share (0–1) of the cohort with a purchase in that month.</param>
internal sealed record CohortFigures(string Cohort, long Size, IReadOnlyList<double> Active);
