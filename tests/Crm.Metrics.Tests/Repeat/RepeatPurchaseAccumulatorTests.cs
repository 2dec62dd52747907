using Crm.Metrics.Repeat;
using FsCheck.Xunit;
using NodaTime;

namespace Crm.Metrics.Tests.Repeat;

public sealed class RepeatPurchaseAccumulatorTests
{
    private static Purchase<string> P(string customer, int month, int day, decimal amount, int hour = 12)
        => new(customer, Instant.FromUtc(2024, month, day, hour, 0), amount);

    private static readonly Purchase<string>[] Sample =
    [
        P("same-day", 1, 1, 10m, 10), P("same-day", 1, 1, 20m, 15),
        P("quick", 1, 1, 30m), P("quick", 1, 11, 10m),
        P("slow", 1, 5, 50m), P("slow", 3, 5, 50m),
        P("late", 3, 1, 40m),
    ];

    [Fact]
    public void Calculate_HandComputedSample()
    {
        var result = RepeatPurchase.Calculate(Sample, DateTimeZone.Utc, conversionWindowDays: 30);

        result.Customers.Should().Be(4);
        result.Counts.Should().Be(new PurchaseCounts(7, 7, 0, 0));
        result.Revenue.Should().Be(210m);
        result.RepeatCustomers.Should().Be(2, "two orders on one day are one purchase occasion");
        result.OneTimeBuyers.Should().Be(2);
        result.RepeatCustomerShare.Value.Should().Be(0.5);
        result.OneTimeBuyerShare.Value.Should().Be(0.5);
        result.RepeatCustomerSharePercent.Value.Should().Be(50);
        result.OneTimeBuyerSharePercent.Value.Should().Be(50);
        result.ObservationEnd.Should().Be(new LocalDate(2024, 3, 5));
        // "late" bought on 1 March: its 30-day window runs past 5 March, so it is not eligible.
        result.EligibleFirstTimeBuyers.Should().Be(3);
        result.ConvertedFirstTimeBuyers.Should().Be(1, "quick bought again after 10 days; slow after 60");
        result.SecondPurchaseConversion.Value.Should().BeApproximately(1.0 / 3, 1e-15);
        result.SecondPurchaseConversionPercent.Value.Should().BeApproximately(100.0 / 3, 1e-12);
        result.MedianDaysToSecondPurchase.Value.Should().Be(35, "the gaps are 10 and 60 days");
        result.PurchaseFrequency.Value.Should().Be(1.75);
        result.AverageOrderValue.Should().Be(30m);
        result.AverageOrderValueUndefinedReason.Should().BeNull();
    }

    [Fact]
    public void SecondPurchaseExactlyNDaysLater_Converts()
    {
        var result = RepeatPurchase.Calculate([P("a", 1, 1, 1m), P("a", 1, 31, 1m)], DateTimeZone.Utc, conversionWindowDays: 30);

        result.ConvertedFirstTimeBuyers.Should().Be(1);
        result.SecondPurchaseConversionPercent.Value.Should().Be(100);
    }

    [Fact]
    public void MedianOfAnOddCount_IsTheMiddleGap()
    {
        var purchases = new[] { P("a", 1, 1, 1m), P("a", 1, 3, 1m), P("b", 1, 1, 1m), P("b", 1, 8, 1m), P("c", 1, 1, 1m), P("c", 2, 1, 1m), P("c", 1, 4, 1m) };

        RepeatPurchase.Calculate(purchases, DateTimeZone.Utc).MedianDaysToSecondPurchase.Value.Should().Be(3, "gaps 2, 7 and 3 (c's second day is 4 Jan, whatever the input order)");
    }

    [Fact]
    public void SameDay_IsReadInTheZone()
    {
        // 23:30 UTC on 1 Jan and 00:30 UTC on 2 Jan: two days in UTC, one day (2 Jan) in Yerevan.
        var purchases = new[] { new Purchase<string>("a", Instant.FromUtc(2024, 1, 1, 23, 30), 5m), new Purchase<string>("a", Instant.FromUtc(2024, 1, 2, 0, 30), 5m) };

        RepeatPurchase.Calculate(purchases, DateTimeZone.Utc).RepeatCustomers.Should().Be(1);
        RepeatPurchase.Calculate(purchases, DateTimeZoneProviders.Tzdb["Asia/Yerevan"]).RepeatCustomers.Should().Be(0);
    }

    [Fact]
    public void WindowEnd_IgnoresLaterPurchases_CountsThem_AndDecidesEligibility()
    {
        var result = RepeatPurchase.Calculate(Sample, PurchaseWindow.Through(new LocalDate(2024, 2, 29), DateTimeZone.Utc), conversionWindowDays: 30);

        result.ObservationEnd.Should().Be(new LocalDate(2024, 2, 29));
        result.Customers.Should().Be(3, "late's only purchase is after the end");
        result.RepeatCustomers.Should().Be(1);
        result.Counts.Should().Be(new PurchaseCounts(7, 5, 0, 2));
        result.EligibleFirstTimeBuyers.Should().Be(3);
    }

    [Fact]
    public void WindowStart_IgnoresEarlierPurchases_AndCountsThem()
    {
        var result = RepeatPurchase.Calculate(Sample, PurchaseWindow.From(new LocalDate(2024, 1, 2), DateTimeZone.Utc), conversionWindowDays: 30);

        result.Customers.Should().Be(3, "same-day bought only on 1 January");
        result.RepeatCustomers.Should().Be(1, "quick's first day is dropped with the rest of 1 January; slow still bought on two days");
        result.Counts.Should().Be(new PurchaseCounts(7, 4, 3, 0));
    }

    [Fact]
    public void DateOnlyPurchases_KeepTheirDateInEveryZone()
    {
        var purchases = new[] { new Purchase<string>("a", new LocalDate(2024, 1, 1), 5m), new Purchase<string>("a", new LocalDate(2024, 1, 2), 5m) };

        RepeatPurchase.Calculate(purchases, DateTimeZone.Utc).RepeatCustomers.Should().Be(1);
        RepeatPurchase.Calculate(purchases, DateTimeZoneProviders.Tzdb["Pacific/Kiritimati"]).RepeatCustomers.Should().Be(1);
        RepeatPurchase.Calculate(purchases, DateTimeZoneProviders.Tzdb["Pacific/Pago_Pago"]).ObservationEnd.Should().Be(new LocalDate(2024, 1, 2));
    }

    [Fact]
    public void Calculate_NoPurchases_EverythingIsUndefined()
    {
        var result = RepeatPurchase.Calculate(Array.Empty<Purchase<string>>(), DateTimeZone.Utc);

        result.Customers.Should().Be(0);
        result.RepeatCustomerSharePercent.IsDefined.Should().BeFalse();
        result.OneTimeBuyerSharePercent.IsDefined.Should().BeFalse();
        result.SecondPurchaseConversionPercent.IsDefined.Should().BeFalse();
        result.MedianDaysToSecondPurchase.IsDefined.Should().BeFalse();
        result.PurchaseFrequency.IsDefined.Should().BeFalse();
        result.AverageOrderValue.Should().BeNull();
        result.AverageOrderValueUndefinedReason.Should().Contain("no purchases");
        result.ObservationEnd.Should().BeNull();
    }

    [Fact]
    public void NoRepeatCustomers_MedianIsUndefinedWithAReason()
        => RepeatPurchase.Calculate([P("a", 1, 1, 1m)], DateTimeZone.Utc).MedianDaysToSecondPurchase.UndefinedReason.Should().Contain("no repeat customers");

    [Fact]
    public void NoCustomerObservedForTheWholeWindow_ConversionIsUndefined()
        => RepeatPurchase.Calculate([P("a", 1, 1, 1m), P("a", 1, 2, 1m)], DateTimeZone.Utc, 30)
            .SecondPurchaseConversionPercent.UndefinedReason.Should().Contain("30-day window");

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Constructor_WindowBelowOneDay_ThrowsNamingTheRule(int days)
    {
        var act = () => new RepeatPurchaseAccumulator<string>(DateTimeZone.Utc, days);

        act.Should().Throw<ArgumentOutOfRangeException>().Where(x => x.ParamName == "conversionWindowDays").WithMessage($"The conversion window must be at least 1 day (was {days}).*");
    }

    [Fact]
    public void Constructor_NullZone_Throws()
    {
        var act = () => new RepeatPurchaseAccumulator<string>((DateTimeZone)null!);

        act.Should().Throw<ArgumentNullException>().Where(x => x.ParamName == "zone");
    }

    [Fact]
    public void Add_NegativeAmount_Throws()
    {
        var act = () => new RepeatPurchaseAccumulator<string>(DateTimeZone.Utc).Add(P("a", 1, 1, -3m));

        act.Should().Throw<ArgumentOutOfRangeException>().Where(x => x.ParamName == "item");
    }

    [Fact]
    public void Merge_AnotherWindow_Throws()
    {
        var act = () => new RepeatPurchaseAccumulator<string>(DateTimeZone.Utc, 30).Merge(new RepeatPurchaseAccumulator<string>(DateTimeZone.Utc, 31));

        act.Should().Throw<ArgumentException>().Where(x => x.ParamName == "other");
    }

    [Fact]
    public async Task AddRangeAsync_GivesTheSameResultAsTheSequence()
    {
        var accumulator = await new RepeatPurchaseAccumulator<string>(DateTimeZone.Utc, 30).AddRangeAsync(Sample.ToAsyncEnumerable());

        accumulator.GetResult().Should().Be(RepeatPurchase.Calculate(Sample, DateTimeZone.Utc, 30));
    }

    [Property]
    public bool MergeEqualsTheWhole_OrderDoesNotMatter_AndRatesStayWithinBounds(int seed)
    {
        var purchases = RandomPurchases.Generate(seed);
        var zone = DateTimeZoneProviders.Tzdb["Europe/London"];
        var whole = RepeatPurchase.Calculate(purchases, zone, 60);
        var merged = Partitions.MergeAll<RepeatPurchaseAccumulator<int>, Purchase<int>, RepeatPurchaseResult>(purchases, seed, () => new RepeatPurchaseAccumulator<int>(zone, 60));
        var shuffled = RepeatPurchase.Calculate(Partitions.Shuffle(purchases, seed), zone, 60);
        if (merged != whole || shuffled != whole)
        {
            return false;
        }

        if (whole.Customers == 0)
        {
            return purchases.Count == 0;
        }

        return whole.RepeatCustomerSharePercent.Value is >= 0 and <= 100
               && Math.Abs(whole.RepeatCustomerSharePercent.Value + whole.OneTimeBuyerSharePercent.Value - 100) < 1e-9
               && (!whole.SecondPurchaseConversionPercent.IsDefined || whole.SecondPurchaseConversionPercent.Value is >= 0 and <= 100)
               && (!whole.MedianDaysToSecondPurchase.IsDefined || whole.MedianDaysToSecondPurchase.Value >= 1)
               && whole.PurchaseFrequency.Value >= 1
               && whole.Revenue == purchases.Sum(p => p.Amount);
    }
}
