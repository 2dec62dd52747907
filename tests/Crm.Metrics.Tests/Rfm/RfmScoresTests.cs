using Crm.Metrics.Rfm;

namespace Crm.Metrics.Tests.Rfm;

public sealed class RfmScoresTests
{
    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(1, 2, 2)]
    [InlineData(3, 4, 4)]
    [InlineData(4, 5, 5)]
    [InlineData(5, 1, 3)]
    [InlineData(2, 3, 3)]
    public void FrequencyMonetary_IsTheMeanRoundedHalfUp(int frequency, int monetary, int expected)
        => new RfmScores(3, frequency, monetary).FrequencyMonetary.Should().Be(expected);

    [Theory]
    [InlineData(0, 1, 1, "recency")]
    [InlineData(6, 1, 1, "recency")]
    [InlineData(1, 0, 1, "frequency")]
    [InlineData(1, 1, 6, "monetary")]
    public void Constructor_ScoreOutsideOneToFive_Throws(int r, int f, int m, string param)
    {
        var act = () => new RfmScores(r, f, m);

        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == param).WithMessage("An RFM score must be between 1 and 5*");
    }

    [Fact]
    public void ToString_IsTheThreeDigitCell()
        => new RfmScores(5, 3, 4).ToString().Should().Be("534");
}
