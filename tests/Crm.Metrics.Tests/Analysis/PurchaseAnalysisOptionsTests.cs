using Crm.Metrics.Analysis;
using Crm.Metrics.Periods;
using Crm.Metrics.Rfm;
using NodaTime;

namespace Crm.Metrics.Tests.Analysis;

public sealed class PurchaseAnalysisOptionsTests
{
    private static readonly LocalDate End = new(2024, 3, 31);

    [Fact]
    public void Defaults_AreDocumented()
    {
        var options = new PurchaseAnalysisOptions(DateTimeZone.Utc, End, CustomerSummaryTimeUnit.Week);

        options.HasHoldout.Should().BeFalse();
        options.ObservationEnd.Should().BeNull();
        options.Start.Should().BeNull();
        options.ConversionWindowDays.Should().Be(90);
        options.RetentionPeriodUnit.Should().Be(PeriodUnit.Quarter);
        options.EffectiveInactivityWindow.Should().Be(Period.FromMonths(3));
        options.CohortUnit.Should().Be(PeriodUnit.Month);
        options.ParetoTopFraction.Should().Be(0.2);
        options.RfmTieRule.Should().Be(RfmScoringTieRule.SharedScore);
        options.CalibrationWindow.Should().Be(PurchaseWindow.Through(End, DateTimeZone.Utc));
        options.Summary.CalibrationEnd.Should().Be(End);
    }

    [Fact]
    public void NullZone_Throws()
    {
        var act = () => new PurchaseAnalysisOptions(null!, End, CustomerSummaryTimeUnit.Day);

        act.Should().Throw<ArgumentNullException>().WithParameterName("zone");
    }

    [Fact]
    public void ObservationEndNotAfterCalibrationEnd_ThrowsNamingTheRule()
    {
        var act = () => new PurchaseAnalysisOptions(DateTimeZone.Utc, End, CustomerSummaryTimeUnit.Day, observationEnd: End);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("observationEnd").WithMessage("The observation end (2024-03-31) must be after the calibration end (2024-03-31)*");
    }

    [Fact]
    public void StartAfterCalibrationEnd_ThrowsNamingTheRule()
    {
        var act = () => new PurchaseAnalysisOptions(DateTimeZone.Utc, End, CustomerSummaryTimeUnit.Day, start: End.PlusDays(1));

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("start").WithMessage("The start (2024-04-01) must not be after the calibration end (2024-03-31)*");
    }

    [Fact]
    public void NonIsoDates_Throw()
    {
        var julian = new LocalDate(2024, 1, 1, CalendarSystem.Julian);

        ((Action)(() => _ = new PurchaseAnalysisOptions(DateTimeZone.Utc, julian, CustomerSummaryTimeUnit.Day))).Should().Throw<ArgumentException>().WithMessage("*ISO calendar*");
        ((Action)(() => _ = new PurchaseAnalysisOptions(DateTimeZone.Utc, End, CustomerSummaryTimeUnit.Day, start: julian))).Should().Throw<ArgumentException>().WithParameterName("start");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void ConversionWindowBelowOneDay_Throws(int days)
    {
        var act = () => new PurchaseAnalysisOptions(DateTimeZone.Utc, End, CustomerSummaryTimeUnit.Day) { ConversionWindowDays = days };

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("ConversionWindowDays");
    }

    [Fact]
    public void CustomUnits_Throw()
    {
        ((Action)(() => _ = new PurchaseAnalysisOptions(DateTimeZone.Utc, End, CustomerSummaryTimeUnit.Day) { RetentionPeriodUnit = PeriodUnit.Custom }))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("RetentionPeriodUnit");
        ((Action)(() => _ = new PurchaseAnalysisOptions(DateTimeZone.Utc, End, CustomerSummaryTimeUnit.Day) { CohortUnit = (PeriodUnit)99 }))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("CohortUnit");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(20)]
    [InlineData(double.NaN)]
    public void ParetoTopFractionOutsideZeroToOne_Throws(double value)
    {
        var act = () => new PurchaseAnalysisOptions(DateTimeZone.Utc, End, CustomerSummaryTimeUnit.Day) { ParetoTopFraction = value };

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("ParetoTopFraction").WithMessage("*fraction*");
    }

    [Fact]
    public void InactivityWindowWithATimePartOrZero_Throws()
    {
        ((Action)(() => _ = new PurchaseAnalysisOptions(DateTimeZone.Utc, End, CustomerSummaryTimeUnit.Day) { InactivityWindow = Period.FromHours(5) }))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("InactivityWindow");
        ((Action)(() => _ = new PurchaseAnalysisOptions(DateTimeZone.Utc, End, CustomerSummaryTimeUnit.Day) { InactivityWindow = Period.Zero }))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("InactivityWindow");
    }

    [Fact]
    public void UndefinedTieRule_Throws()
    {
        var act = () => new PurchaseAnalysisOptions(DateTimeZone.Utc, End, CustomerSummaryTimeUnit.Day) { RfmTieRule = (RfmScoringTieRule)7 };

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("RfmTieRule");
    }
}
