namespace Crm.Metrics.Rfm;

/// <summary>Receives one customer's distinct calibration days (day numbers since 1970-01-01, ascending).</summary>
internal delegate void CalibrationDaysVisitor<TCustomer>(TCustomer customer, ReadOnlySpan<int> days)
    where TCustomer : notnull;
