using Crm.Metrics.Rfm;

namespace Crm.Metrics.Analysis;

/// <summary>How many customers fell in one segment of the default RFM segment map.</summary>
/// <param name="Segment">The segment.</param>
/// <param name="Customers">The customers in it.</param>
/// <param name="Share">Customers / all scored customers, a fraction 0–1; undefined without customers.</param>
public sealed record RfmSegmentSize(RfmSegment Segment, long Customers, MetricValue Share);
