using Crm.Metrics.Rfm;
using NodaTime;

namespace Crm.Metrics.Tests.Rfm;

public sealed class CustomerSummaryOptionsTests
{
    [Fact]
    public void CalibrationEnd_NotBeforeObservationEnd_ThrowsNamingTheRule()
    {
        var act = () => new CustomerSummaryOptions(DateTimeZone.Utc, new LocalDate(2024, 3, 1), new LocalDate(2024, 3, 1), CustomerSummaryTimeUnit.Day);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("calibrationEnd")
            .WithMessage("The calibration end (2024-03-01) must be before the observation end (2024-03-01)*");
    }

    [Fact]
    public void NullZone_Throws()
    {
        var act = () => new CustomerSummaryOptions(null!, new LocalDate(2024, 3, 1), CustomerSummaryTimeUnit.Day);

        act.Should().Throw<ArgumentNullException>().WithParameterName("zone");
    }

    [Fact]
    public void NonIsoDate_Throws()
    {
        var julian = new LocalDate(2024, 3, 1, CalendarSystem.Julian);
        var act = () => new CustomerSummaryOptions(DateTimeZone.Utc, julian, CustomerSummaryTimeUnit.Day);

        act.Should().Throw<ArgumentException>().WithMessage("*ISO calendar*");
    }

    [Fact]
    public void SummaryEnd_IsCalibrationEndWhenThereIsAHoldout()
    {
        var options = new CustomerSummaryOptions(DateTimeZone.Utc, new LocalDate(2024, 2, 1), new LocalDate(2024, 3, 1), CustomerSummaryTimeUnit.Day);

        options.HasHoldout.Should().BeTrue();
        options.SummaryEnd.Should().Be(new LocalDate(2024, 2, 1));
        new CustomerSummaryOptions(DateTimeZone.Utc, new LocalDate(2024, 3, 1), CustomerSummaryTimeUnit.Day).SummaryEnd.Should().Be(new LocalDate(2024, 3, 1));
    }
}
