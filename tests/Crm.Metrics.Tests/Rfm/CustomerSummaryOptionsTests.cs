using Crm.Metrics.Rfm;
using NodaTime;

namespace Crm.Metrics.Tests.Rfm;

public sealed class CustomerSummaryOptionsTests
{
    [Fact]
    public void ObservationEnd_NotAfterCalibrationEnd_ThrowsNamingTheRule()
    {
        var act = () => new CustomerSummaryOptions(DateTimeZone.Utc, new LocalDate(2024, 3, 1), CustomerSummaryTimeUnit.Day, new LocalDate(2024, 3, 1));

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("observationEnd")
            .WithMessage("The observation end (2024-03-01) must be after the calibration end (2024-03-01)*leave it null for no holdout period*");
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
    public void CalibrationEnd_IsGivenTheSameWayWithAndWithoutAHoldout()
    {
        var options = new CustomerSummaryOptions(DateTimeZone.Utc, new LocalDate(2024, 2, 1), CustomerSummaryTimeUnit.Day, new LocalDate(2024, 3, 1));
        var plain = new CustomerSummaryOptions(DateTimeZone.Utc, new LocalDate(2024, 2, 1), CustomerSummaryTimeUnit.Day);

        options.HasHoldout.Should().BeTrue();
        options.CalibrationEnd.Should().Be(new LocalDate(2024, 2, 1));
        options.LastDayRead.Should().Be(new LocalDate(2024, 3, 1));
        plain.HasHoldout.Should().BeFalse();
        plain.CalibrationEnd.Should().Be(new LocalDate(2024, 2, 1));
        plain.ObservationEnd.Should().BeNull();
        plain.LastDayRead.Should().Be(new LocalDate(2024, 2, 1));
    }
}
