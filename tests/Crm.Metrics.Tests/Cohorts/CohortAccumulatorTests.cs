using Crm.Metrics.Cohorts;
using Crm.Metrics.Periods;
using FsCheck.Xunit;
using NodaTime;

namespace Crm.Metrics.Tests.Cohorts;

public sealed class CohortAccumulatorTests
{
    private static Purchase<string> P(string customer, int year, int month, int day, decimal amount, int hour = 12)
        => new(customer, Instant.FromUtc(year, month, day, hour, 0), amount);

    private static readonly Purchase<string>[] Sample =
    [
        P("a", 2024, 2, 5, 20m), P("a", 2024, 1, 10, 10m), P("a", 2024, 3, 1, 5m),
        P("b", 2024, 1, 20, 30m), P("b", 2024, 3, 15, 10m),
        P("c", 2024, 2, 2, 40m), P("c", 2024, 2, 20, 10m), P("c", 2024, 3, 3, 20m),
        P("d", 2024, 3, 30, 15m),
    ];

    [Fact]
    public void Monthly_HandComputedMatrices()
    {
        var matrix = CohortAnalysis.Calculate(Sample, PeriodUnit.Month, DateTimeZone.Utc);

        matrix.Customers.Should().Be(4);
        matrix.LastPeriod.Should().Be(ReportingPeriod.Month(2024, 3, DateTimeZone.Utc));
        matrix.Cohorts.Select(c => c.AcquisitionPeriod).Should().Equal(
            ReportingPeriod.Month(2024, 1, DateTimeZone.Utc), ReportingPeriod.Month(2024, 2, DateTimeZone.Utc), ReportingPeriod.Month(2024, 3, DateTimeZone.Utc));

        var january = matrix.Cohorts[0];
        january.Customers.Should().Be(2);
        january.ActiveCustomers.Should().Equal(2L, 1L, 2L);
        january.ActiveShares.Select(r => r.Value).Should().Equal(1, 0.5, 1);
        january.Revenue.Should().Equal(40m, 20m, 15m);

        matrix.Cohorts[1].ActiveCustomers.Should().Equal(1L, 1L);
        matrix.Cohorts[1].Revenue.Should().Equal(50m, 20m);
        matrix.Cohorts[2].ActiveCustomers.Should().Equal(1L);
        matrix.Cohorts[2].Revenue.Should().Equal(15m);
    }

    [Fact]
    public void WindowEnd_RowsRunToTheEndMonth_EvenWithoutPurchasesThere_AndLaterPurchasesAreCounted()
    {
        var window = PurchaseWindow.Between(new LocalDate(2024, 1, 15), new LocalDate(2024, 5, 31), DateTimeZone.Utc);

        var matrix = CohortAnalysis.Calculate(Sample.Append(P("a", 2024, 6, 1, 9m)), PeriodUnit.Month, window);

        matrix.LastPeriod.Should().Be(ReportingPeriod.Month(2024, 5, DateTimeZone.Utc));
        matrix.Counts.Should().Be(new PurchaseCounts(10, 8, 1, 1), "a's purchase of 10 January is before the start, the one of 1 June after the end");
        matrix.Cohorts.Select(c => c.AcquisitionPeriod.Dates.Start.Month).Should().Equal(1, 2, 3);
        matrix.Cohorts[0].ActiveCustomers.Should().Equal([1L, 0L, 1L, 0L, 0L], "b alone is the January cohort now; the row runs to May");
        matrix.Cohorts[1].ActiveCustomers.Should().Equal([2L, 2L, 0L, 0L], "the first purchase of a in the window is in February");
        matrix.Cohorts[2].ActiveShares.Select(r => r.Value).Should().Equal(1, 0, 0);
    }

    [Fact]
    public void WindowEnd_WithoutPurchases_GivesNoRowsButTheEndPeriod()
    {
        var matrix = CohortAnalysis.Calculate(Array.Empty<Purchase<string>>(), PeriodUnit.Quarter, PurchaseWindow.Through(new LocalDate(2024, 5, 31), DateTimeZone.Utc));

        matrix.Cohorts.Should().BeEmpty();
        matrix.LastPeriod.Should().Be(ReportingPeriod.Quarter(2024, 2, DateTimeZone.Utc));
        matrix.Counts.RowsRead.Should().Be(0);
    }

    [Fact]
    public void ACustomerWhoSkipsAPeriod_CountsAgainWhenTheyReturn()
    {
        var matrix = CohortAnalysis.Calculate([P("a", 2024, 1, 1, 1m), P("a", 2024, 4, 1, 1m)], PeriodUnit.Month, DateTimeZone.Utc);

        matrix.Cohorts.Single().ActiveCustomers.Should().Equal(1L, 0L, 0L, 1L);
        matrix.Cohorts.Single().ActiveShares.Select(r => r.Value).Should().Equal(1, 0, 0, 1);
    }

    [Fact]
    public void Periods_AreReadInTheZone()
    {
        // 31 Jan 22:00 UTC is 1 Feb 02:00 in Yerevan.
        var yerevan = DateTimeZoneProviders.Tzdb["Asia/Yerevan"];
        var purchases = new[] { P("a", 2024, 1, 31, 5m, 22) };

        CohortAnalysis.Calculate(purchases, PeriodUnit.Month, yerevan).Cohorts.Single().AcquisitionPeriod.Should().Be(ReportingPeriod.Month(2024, 2, yerevan));
        CohortAnalysis.Calculate(purchases, PeriodUnit.Month, DateTimeZone.Utc).Cohorts.Single().AcquisitionPeriod.Should().Be(ReportingPeriod.Month(2024, 1, DateTimeZone.Utc));
    }

    [Fact]
    public void IsoWeeks_CrossWeek53AndTheYearBoundary()
    {
        var purchases = new[] { P("a", 2020, 12, 29, 1m), P("a", 2021, 1, 5, 2m), P("b", 2021, 1, 3, 4m) };

        var matrix = CohortAnalysis.Calculate(purchases, PeriodUnit.IsoWeek, DateTimeZone.Utc);

        var row = matrix.Cohorts.Single();
        row.AcquisitionPeriod.Should().Be(ReportingPeriod.IsoWeek(2020, 53, DateTimeZone.Utc));
        row.Customers.Should().Be(2);
        row.ActiveCustomers.Should().Equal(2L, 1L);
        row.Revenue.Should().Equal(5m, 2m);
        matrix.LastPeriod.Should().Be(ReportingPeriod.IsoWeek(2021, 1, DateTimeZone.Utc));
    }

    [Theory]
    [InlineData(PeriodUnit.Quarter)]
    [InlineData(PeriodUnit.Year)]
    public void CoarserUnits_GroupAcrossMonths(PeriodUnit unit)
    {
        var matrix = CohortAnalysis.Calculate(Sample, unit, DateTimeZone.Utc);

        var row = matrix.Cohorts.Single();
        row.Customers.Should().Be(4);
        row.ActiveCustomers.Should().Equal(4L);
        row.Revenue.Should().Equal(Sample.Sum(p => p.Amount));
        row.AcquisitionPeriod.Should().Be(ReportingPeriod.Containing(new LocalDate(2024, 1, 1), unit, DateTimeZone.Utc));
    }

    [Fact]
    public void PurchasesBefore1970_AreNumberedCorrectly()
    {
        var purchases = new[] { P("a", 1969, 12, 31, 1m), P("a", 1970, 1, 1, 1m), P("b", 1968, 11, 15, 1m) };

        var months = CohortAnalysis.Calculate(purchases, PeriodUnit.Month, DateTimeZone.Utc);
        var weeks = CohortAnalysis.Calculate(purchases, PeriodUnit.IsoWeek, DateTimeZone.Utc);

        months.Cohorts.Select(c => c.AcquisitionPeriod).Should().Equal(ReportingPeriod.Month(1968, 11, DateTimeZone.Utc), ReportingPeriod.Month(1969, 12, DateTimeZone.Utc));
        months.Cohorts[1].ActiveCustomers.Should().Equal(1L, 1L);
        weeks.Cohorts[1].AcquisitionPeriod.Should().Be(ReportingPeriod.Containing(new LocalDate(1969, 12, 31), PeriodUnit.IsoWeek, DateTimeZone.Utc));
        weeks.Cohorts[1].ActiveCustomers.Should().Equal([1L], "29 Dec 1969 to 4 Jan 1970 is one ISO week");
    }

    [Fact]
    public void NoPurchases_GivesAnEmptyMatrix()
    {
        var matrix = CohortAnalysis.Calculate(Array.Empty<Purchase<string>>(), PeriodUnit.Month, DateTimeZone.Utc);

        matrix.Customers.Should().Be(0);
        matrix.LastPeriod.Should().BeNull();
        matrix.Cohorts.Should().BeEmpty();
    }

    [Fact]
    public void Constructor_CustomUnit_ThrowsNamingTheRule()
    {
        var act = () => new CohortAccumulator<string>(PeriodUnit.Custom, DateTimeZone.Utc);

        act.Should().Throw<ArgumentOutOfRangeException>().Where(x => x.ParamName == "unit").WithMessage("Cohorts need a calendar unit*");
    }

    [Fact]
    public void Constructor_NullZone_Throws()
    {
        var act = () => new CohortAccumulator<string>(PeriodUnit.Month, (DateTimeZone)null!);

        act.Should().Throw<ArgumentNullException>().Where(x => x.ParamName == "zone");
    }

    [Fact]
    public void Add_NegativeAmount_Throws()
    {
        var act = () => new CohortAccumulator<string>(PeriodUnit.Month, DateTimeZone.Utc).Add(P("a", 2024, 1, 1, -1m));

        act.Should().Throw<ArgumentOutOfRangeException>().Where(x => x.ParamName == "item");
    }

    [Fact]
    public void Merge_AnotherUnit_Throws()
    {
        var act = () => new CohortAccumulator<string>(PeriodUnit.Month, DateTimeZone.Utc).Merge(new CohortAccumulator<string>(PeriodUnit.Quarter, DateTimeZone.Utc));

        act.Should().Throw<ArgumentException>().Where(x => x.ParamName == "other");
    }

    [Property]
    public bool MergeEqualsTheWhole_OrderDoesNotMatter_AndCellsAreConsistent(int seed)
    {
        var purchases = RandomPurchases.Generate(seed);
        var zone = DateTimeZoneProviders.Tzdb["Europe/London"];
        var whole = CohortAnalysis.Calculate(purchases, PeriodUnit.Month, zone);
        var merged = Partitions.MergeAll<CohortAccumulator<int>, Purchase<int>, CohortMatrix>(purchases, seed, () => new CohortAccumulator<int>(PeriodUnit.Month, zone));
        var shuffled = CohortAnalysis.Calculate(Partitions.Shuffle(purchases, seed), PeriodUnit.Month, zone);
        return merged == whole && shuffled == whole
               && whole.Cohorts.Sum(c => c.Customers) == whole.Customers
               && whole.Cohorts.All(c => c.ActiveShares[0].Value == 1 && c.ActiveShares.All(r => r.Value is >= 0 and <= 1))
               && whole.Cohorts.Sum(c => c.Revenue.Sum()) == purchases.Sum(p => p.Amount)
               && whole.Cohorts.All(c => c.AcquisitionPeriod.PeriodsUntil(whole.LastPeriod!) == c.ActiveCustomers.Count - 1);
    }

    [Property]
    public bool ManyPeriodsPerCustomer_InAnyOrderAndMerged_MatchesCellsCountedFromTheDates(int seed)
    {
        // Up to ~500 weeks per customer, so a customer's cells span many blocks; read in a daylight-saving zone.
        var random = new Random(seed);
        var zone = DateTimeZoneProviders.Tzdb["America/New_York"];
        var unit = (PeriodUnit)new[] { PeriodUnit.IsoWeek, PeriodUnit.Month, PeriodUnit.Quarter, PeriodUnit.Year }[random.Next(4)];
        var origin = Instant.FromUtc(2015, 1, 1, 0, 0);
        var purchases = Enumerable.Range(0, random.Next(3_000))
            .Select(_ => new Purchase<long>(random.Next(4) * (1L << 32), origin + Duration.FromMinutes(random.Next(10 * 365 * 24 * 60)), random.Next(100_000) / 100m))
            .ToList();

        var matrix = CohortAnalysis.Calculate(purchases, unit, zone);

        var cells = purchases
            .GroupBy(p => (p.Customer, Period: ReportingPeriod.Containing(p.DateIn(zone), unit, zone)))
            .Select(g => (g.Key.Customer, g.Key.Period, Amount: g.Sum(p => p.Amount)))
            .ToList();
        var cohortOf = cells.GroupBy(c => c.Customer).ToDictionary(g => g.Key, g => g.MinBy(c => c.Period.Dates.Start).Period);
        var expected = cohortOf.Values.Distinct().OrderBy(p => p.Dates.Start).Select(cohort =>
        {
            var members = cells.Where(c => cohortOf[c.Customer].Equals(cohort)).ToList();
            var offsets = Enumerable.Range(0, cohort.PeriodsUntil(matrix.LastPeriod!) + 1).ToList();
            return (
                cohort,
                Size: (long)members.Select(c => c.Customer).Distinct().Count(),
                Active: offsets.Select(k => (long)members.Count(c => cohort.PeriodsUntil(c.Period) == k)).ToList(),
                Revenue: offsets.Select(k => members.Where(c => cohort.PeriodsUntil(c.Period) == k).Sum(c => c.Amount)).ToList());
        }).ToList();

        var merged = Partitions.MergeAll<CohortAccumulator<long>, Purchase<long>, CohortMatrix>(purchases, seed, () => new CohortAccumulator<long>(unit, zone));
        return merged == matrix
               && matrix.Customers == cohortOf.Count
               && matrix.Cohorts.Count == expected.Count
               && matrix.Cohorts.Zip(expected).All(x => x.First.AcquisitionPeriod.Equals(x.Second.cohort)
                                                       && x.First.Customers == x.Second.Size
                                                       && x.First.ActiveCustomers.SequenceEqual(x.Second.Active)
                                                       && x.First.Revenue.SequenceEqual(x.Second.Revenue));
    }

    [Fact]
    public void MergeWithItself_DoublesRevenueAndKeepsTheCustomers()
    {
        var accumulator = new CohortAccumulator<string>(PeriodUnit.Month, DateTimeZone.Utc).AddRange(Sample);
        var once = accumulator.GetResult();

        accumulator.Merge(accumulator);
        var twice = accumulator.GetResult();

        twice.Customers.Should().Be(once.Customers);
        twice.Cohorts.Select(c => c.ActiveCustomers).Should().BeEquivalentTo(once.Cohorts.Select(c => c.ActiveCustomers), o => o.WithStrictOrdering());
        twice.Cohorts.SelectMany(c => c.Revenue).Should().Equal(once.Cohorts.SelectMany(c => c.Revenue.Select(r => r * 2)));
    }

    [Fact]
    public void Merge_IntoAnEmptyAccumulator_CopiesEveryCell()
    {
        var merged = new CohortAccumulator<string>(PeriodUnit.Month, DateTimeZone.Utc);
        merged.Merge(new CohortAccumulator<string>(PeriodUnit.Month, DateTimeZone.Utc).AddRange(Sample));

        merged.GetResult().Should().Be(CohortAnalysis.Calculate(Sample, PeriodUnit.Month, DateTimeZone.Utc));
    }

    [Fact]
    public void PurchasesAtTheFarEndsOfTheCalendar_AreNumberedLikeTheirDates()
    {
        var purchases = new[] { P("a", -7000, 3, 1, 1m), P("a", 1, 1, 1, 1m), P("a", 9998, 12, 31, 1m), P("b", 9998, 6, 30, 1m) };

        var matrix = CohortAnalysis.Calculate(purchases, PeriodUnit.Year, DateTimeZone.Utc);

        matrix.Cohorts.Select(c => c.AcquisitionPeriod).Should().Equal(ReportingPeriod.Year(-7000, DateTimeZone.Utc), ReportingPeriod.Year(9998, DateTimeZone.Utc));
        matrix.Cohorts[0].ActiveCustomers.Should().HaveCount(16_999);
        matrix.Cohorts[0].ActiveCustomers.Count(a => a == 1).Should().Be(3);
        matrix.Cohorts[1].Customers.Should().Be(1);
    }
}
