using Crm.Metrics.Rfm;

namespace Crm.Samples.RetentionReport.Analysis;

/// <summary>How many customers fall in one RFM segment.</summary>
/// <param name="Segment">The segment of the default segment map.</param>
/// <param name="Customers">Its customers.</param>
/// <param name="Share">Its share of all customers, 0–1.</param>
internal sealed record SegmentSize(RfmSegment Segment, long Customers, double Share);
