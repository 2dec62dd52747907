using Crm.Metrics.Rfm;

namespace Crm.Metrics.Tests.Rfm;

public sealed class RfmSegmentMapTests
{
    [Theory]
    [InlineData(5, 5, 5, RfmSegment.Champions)]
    [InlineData(5, 4, 4, RfmSegment.Champions)]
    [InlineData(4, 5, 4, RfmSegment.LoyalCustomers)]
    [InlineData(3, 4, 4, RfmSegment.LoyalCustomers)]
    [InlineData(5, 2, 3, RfmSegment.PotentialLoyalists)]
    [InlineData(4, 2, 2, RfmSegment.PotentialLoyalists)]
    [InlineData(5, 1, 1, RfmSegment.NewCustomers)]
    [InlineData(4, 1, 1, RfmSegment.Promising)]
    [InlineData(3, 3, 3, RfmSegment.NeedAttention)]
    [InlineData(3, 1, 2, RfmSegment.AboutToSleep)]
    [InlineData(2, 3, 4, RfmSegment.AtRisk)]
    [InlineData(1, 4, 3, RfmSegment.AtRisk)]
    [InlineData(1, 5, 5, RfmSegment.CannotLoseThem)]
    [InlineData(2, 5, 4, RfmSegment.CannotLoseThem)]
    [InlineData(2, 1, 1, RfmSegment.Hibernating)]
    [InlineData(1, 2, 2, RfmSegment.Hibernating)]
    [InlineData(1, 1, 1, RfmSegment.Lost)]
    public void Default_ClassifiesByRecencyAndCombinedFrequencyMonetary(int r, int f, int m, RfmSegment expected)
        => RfmSegmentMap.Default.Classify(new RfmScores(r, f, m)).Should().Be(expected);

    [Fact]
    public void Default_CoversEachOfThe25CellsExactlyOnce()
    {
        var cells = RfmSegmentMap.Default.Entries
            .SelectMany(e => Enumerable.Range(e.MinRecency, e.MaxRecency - e.MinRecency + 1)
                .SelectMany(r => Enumerable.Range(e.MinFrequencyMonetary, e.MaxFrequencyMonetary - e.MinFrequencyMonetary + 1).Select(fm => (r, fm))))
            .ToList();

        cells.Should().HaveCount(25).And.OnlyHaveUniqueItems();
    }

    [Fact]
    public void Default_UsesAllElevenSegments()
        => RfmSegmentMap.Default.Entries.Select(e => e.Segment).Distinct().Should().HaveCount(11);

    [Fact]
    public void Constructor_OverlappingEntries_Throws()
    {
        var entries = RfmSegmentMap.Default.Entries.Append(new RfmSegmentMapEntry(RfmSegment.Lost, 5, 5, 5, 5));

        var act = () => new RfmSegmentMap(entries);

        act.Should().Throw<ArgumentException>().WithMessage("The cell R 5, FM 5 is covered twice*");
    }

    [Fact]
    public void Constructor_AMissingCell_Throws()
    {
        var entries = RfmSegmentMap.Default.Entries.Where(e => e.Segment != RfmSegment.Lost);

        var act = () => new RfmSegmentMap(entries);

        act.Should().Throw<ArgumentException>().WithMessage("The cell R 1, FM 1 is not covered*");
    }

    [Fact]
    public void Constructor_Null_Throws()
    {
        var act = () => new RfmSegmentMap(null!);

        act.Should().Throw<ArgumentNullException>();
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(3, 2)]
    [InlineData(1, 6)]
    public void Entry_BadRange_Throws(int min, int max)
    {
        var act = () => new RfmSegmentMapEntry(RfmSegment.Lost, min, max, 1, 1);

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("A score range must satisfy 1 ≤ min ≤ max ≤ 5*");
    }

    [Fact]
    public void Entry_UndefinedSegment_Throws()
    {
        var act = () => new RfmSegmentMapEntry((RfmSegment)0, 1, 1, 1, 1);

        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "segment");
    }

    [Fact]
    public void Classify_DefaultScores_Throws()
    {
        var act = () => RfmSegmentMap.Default.Classify(default);

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Entry_ToString_ShowsTheRanges()
        => new RfmSegmentMapEntry(RfmSegment.LoyalCustomers, 3, 4, 4, 5).ToString().Should().Be("R 3–4, FM 4–5 → LoyalCustomers");
}
