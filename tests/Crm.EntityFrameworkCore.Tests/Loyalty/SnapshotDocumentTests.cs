using Crm.EntityFrameworkCore.Loyalty;
using Crm.Loyalty.Ledger;
using Crm.Loyalty.Program;

namespace Crm.EntityFrameworkCore.Tests.Loyalty;

public sealed class SnapshotDocumentTests
{
    [Fact]
    public void The_tier_used_round_trips()
    {
        var snapshot = new EarningSnapshot("club", PointsRounding.Down, [new EarnedLine("1", 10m, 10m, "base", 1m, 1.5m, 15)], 0) { TierId = "silver", TierMultiplier = 1.5m };

        var back = SnapshotDocument.Deserialize(SnapshotDocument.Serialize(snapshot));

        back.Should().BeEquivalentTo(snapshot);
    }

    [Fact]
    public void A_version_1_document_reads_as_earned_without_a_tier()
    {
        const string json = """{"formatVersion":1,"programId":"club","rounding":"Down","lines":[{"lineId":"1","amount":10,"basis":10,"ruleId":"base","rate":1,"multiplier":1,"points":10}],"cappedPoints":0}""";

        var snapshot = SnapshotDocument.Deserialize(json)!;

        snapshot.TierId.Should().BeNull();
        snapshot.TierMultiplier.Should().Be(1m);
        snapshot.Lines.Single().Points.Should().Be(10);
    }

    [Fact]
    public void A_document_of_a_later_version_is_refused()
    {
        var read = () => SnapshotDocument.Deserialize("""{"formatVersion":3,"programId":"club","rounding":"Down","lines":[],"cappedPoints":0}""");

        read.Should().Throw<InvalidOperationException>().WithMessage("*format version*");
    }
}
