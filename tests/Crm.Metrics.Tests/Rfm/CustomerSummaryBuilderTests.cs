using Crm.Metrics.Rfm;
using FsCheck.Xunit;
using NodaTime;

namespace Crm.Metrics.Tests.Rfm;

public sealed class CustomerSummaryBuilderTests
{
    private static readonly DateTimeZone Utc = DateTimeZone.Utc;

    private static Purchase<string> Buy(string customer, int year, int month, int day, decimal amount, int hour = 12)
        => new(customer, Instant.FromUtc(year, month, day, hour, 0), amount);

    private static CustomerSummaryOptions Plain(CustomerSummaryTimeUnit unit) => new(Utc, new LocalDate(2024, 1, 15), unit);

    private static IEnumerable<Purchase<string>> CustomerA() =>
    [
        Buy("A", 2024, 1, 1, 10m, hour: 10),
        Buy("A", 2024, 1, 1, 5m, hour: 15),
        Buy("A", 2024, 1, 3, 20m),
        Buy("A", 2024, 1, 3, 4m),
        Buy("A", 2024, 1, 8, 30m),
    ];

    [Fact]
    public void Summary_InDays_CountsDistinctRepeatDaysAndAveragesTheirTotals()
    {
        var result = new CustomerSummaryBuilder<string>(Plain(CustomerSummaryTimeUnit.Day)).AddRange(CustomerA()).GetResult();

        var a = result.Customers.Should().ContainSingle().Subject;
        a.Frequency.Should().Be(2);                     // 3 and 8 January; the 1st is the first purchase
        a.Recency.Should().Be(7);                       // 1 → 8 January
        a.Age.Should().Be(14);                          // 1 → 15 January
        a.MonetaryValue.Should().Be(27m);               // ((20 + 4) + 30) / 2; the first day's 15 is left out
        a.FirstPurchaseDate.Should().Be(new LocalDate(2024, 1, 1));
        a.LastPurchaseDate.Should().Be(new LocalDate(2024, 1, 8));
        a.Holdout.Should().BeNull();
    }

    [Fact]
    public void Summary_InWeeks_DividesTheDaysBySeven()
    {
        var a = new CustomerSummaryBuilder<string>(Plain(CustomerSummaryTimeUnit.Week)).AddRange(CustomerA()).GetResult().Customers[0];

        a.Recency.Should().Be(1);
        a.Age.Should().Be(2);
        a.Frequency.Should().Be(2);
    }

    [Fact]
    public void Summary_OnlyOnePurchaseDay_HasZeroFrequencyRecencyAndMonetaryValue()
    {
        var a = new CustomerSummaryBuilder<string>(Plain(CustomerSummaryTimeUnit.Day))
            .AddRange([Buy("A", 2024, 1, 5, 10m, hour: 9), Buy("A", 2024, 1, 5, 7m, hour: 18)])
            .GetResult().Customers[0];

        a.Frequency.Should().Be(0);
        a.Recency.Should().Be(0);
        a.Age.Should().Be(10);
        a.MonetaryValue.Should().Be(0m);
    }

    [Fact]
    public void Days_AreTakenInTheGivenZone()
    {
        // 22:30 UTC on 1 January is 02:30 on 2 January in Asia/Yerevan (UTC+4): a second purchase day there, not in UTC.
        var purchases = new[] { Buy("A", 2024, 1, 1, 10m, hour: 9), Buy("A", 2024, 1, 1, 10m, hour: 22) };
        var yerevan = DateTimeZoneProviders.Tzdb["Asia/Yerevan"];

        var inUtc = new CustomerSummaryBuilder<string>(new CustomerSummaryOptions(Utc, new LocalDate(2024, 1, 15), default)).AddRange(purchases).GetResult();
        var inYerevan = new CustomerSummaryBuilder<string>(new CustomerSummaryOptions(yerevan, new LocalDate(2024, 1, 15), default)).AddRange(purchases).GetResult();

        inUtc.Customers[0].Frequency.Should().Be(0);
        inYerevan.Customers[0].Frequency.Should().Be(1);
        inYerevan.Customers[0].Recency.Should().Be(1);
    }

    [Fact]
    public void PurchasesAfterTheObservationEnd_AreIgnoredAndCounted()
    {
        var result = new CustomerSummaryBuilder<string>(Plain(CustomerSummaryTimeUnit.Day))
            .AddRange([.. CustomerA(), Buy("A", 2024, 1, 16, 99m, hour: 0), Buy("B", 2024, 2, 1, 1m)])
            .GetResult();

        result.RowsRead.Should().Be(7);
        result.PurchasesAfterObservationEnd.Should().Be(2);
        result.Customers.Should().ContainSingle().Which.Frequency.Should().Be(2);
    }

    [Fact]
    public void APurchaseOnTheObservationEndDay_Counts()
    {
        var a = new CustomerSummaryBuilder<string>(Plain(CustomerSummaryTimeUnit.Day))
            .AddRange([Buy("A", 2024, 1, 1, 1m), Buy("A", 2024, 1, 15, 2m, hour: 23)])
            .GetResult().Customers[0];

        a.Frequency.Should().Be(1);
        a.Recency.Should().Be(14);
        a.Age.Should().Be(14);
    }

    [Fact]
    public void Holdout_CountsDaysAfterCalibrationEnd_AndMeasuresTFromCalibrationEnd()
    {
        var options = new CustomerSummaryOptions(Utc, new LocalDate(2024, 1, 10), CustomerSummaryTimeUnit.Week, new LocalDate(2024, 1, 31));
        var result = new CustomerSummaryBuilder<string>(options).AddRange(
        [
            .. CustomerA(),
            Buy("A", 2024, 1, 12, 6m),
            Buy("A", 2024, 1, 12, 4m),
            Buy("A", 2024, 1, 31, 20m),
            Buy("B", 2024, 1, 20, 50m),     // first seen in the holdout: left out
        ]).GetResult();

        var a = result.Customers.Should().ContainSingle().Subject;
        a.Frequency.Should().Be(2);
        a.Recency.Should().Be(1);
        a.Age.Should().Be(9 / 7.0);
        a.MonetaryValue.Should().Be(27m);
        a.Holdout!.Frequency.Should().Be(2);
        a.Holdout.MonetaryValue.Should().Be(15m);       // (10 + 20) / 2
        a.Holdout.Duration.Should().Be(3);              // 11 → 31 January: 21 days
        result.CustomersFirstSeenInHoldout.Should().Be(1);
        result.TotalHoldoutFrequency.Should().Be(2);
    }

    [Fact]
    public void Holdout_WithNoPurchase_HasZeroFrequencyAndMonetaryValue()
    {
        var options = new CustomerSummaryOptions(Utc, new LocalDate(2024, 1, 10), CustomerSummaryTimeUnit.Day, new LocalDate(2024, 1, 31));
        var a = new CustomerSummaryBuilder<string>(options).AddRange(CustomerA()).GetResult().Customers[0];

        a.Holdout.Should().Be(a.Holdout! with { });
        a.Holdout!.Frequency.Should().Be(0);
        a.Holdout.MonetaryValue.Should().Be(0m);
        a.Holdout.Duration.Should().Be(21);
    }

    [Fact]
    public void Order_OfPurchases_DoesNotMatter()
    {
        var forward = new CustomerSummaryBuilder<string>(Plain(CustomerSummaryTimeUnit.Day)).AddRange(CustomerA()).GetResult();
        var backward = new CustomerSummaryBuilder<string>(Plain(CustomerSummaryTimeUnit.Day)).AddRange(CustomerA().Reverse()).GetResult();

        backward.Customers.Should().Equal(forward.Customers);
    }

    [Fact]
    public void NegativeAmount_ThrowsAndChangesNothing()
    {
        var builder = new CustomerSummaryBuilder<string>(Plain(CustomerSummaryTimeUnit.Day)).AddRange(CustomerA());

        var act = () => builder.Add(Buy("A", 2024, 1, 9, -5m));

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("A purchase amount must not be negative in a customer summary (was -5)*");
        builder.GetResult().RowsRead.Should().Be(5);
        builder.GetResult().Customers[0].Frequency.Should().Be(2);
    }

    [Fact]
    public void ZeroAmount_IsAPurchaseDay()
    {
        var a = new CustomerSummaryBuilder<string>(Plain(CustomerSummaryTimeUnit.Day))
            .AddRange([Buy("A", 2024, 1, 1, 10m), Buy("A", 2024, 1, 2, 0m)]).GetResult().Customers[0];

        a.Frequency.Should().Be(1);
        a.MonetaryValue.Should().Be(0m);
    }

    [Fact]
    public void NullCustomer_Throws()
    {
        var builder = new CustomerSummaryBuilder<string>(Plain(CustomerSummaryTimeUnit.Day));

        var act = () => builder.Add(new Purchase<string>(null!, Instant.FromUtc(2024, 1, 1, 0, 0), 1m));

        act.Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void Merge_WithOtherOptions_Throws()
    {
        var builder = new CustomerSummaryBuilder<string>(Plain(CustomerSummaryTimeUnit.Day));
        var other = new CustomerSummaryBuilder<string>(Plain(CustomerSummaryTimeUnit.Week));

        var act = () => builder.Merge(other);

        act.Should().Throw<ArgumentException>().WithParameterName("other").WithMessage("*same zone, end dates, time unit*");
    }

    [Fact]
    public void Merge_IntoItself_Throws()
    {
        var builder = new CustomerSummaryBuilder<string>(Plain(CustomerSummaryTimeUnit.Day)).AddRange(CustomerA());

        var act = () => builder.Merge(builder);

        act.Should().Throw<ArgumentException>().WithMessage("*into itself*");
    }

    [Fact]
    public void Merge_LeavesTheOtherBuilderUnchanged()
    {
        var left = new CustomerSummaryBuilder<string>(Plain(CustomerSummaryTimeUnit.Day)).AddRange([Buy("A", 2024, 1, 1, 1m)]);
        var right = new CustomerSummaryBuilder<string>(Plain(CustomerSummaryTimeUnit.Day)).AddRange([Buy("A", 2024, 1, 5, 2m)]);
        var before = right.GetResult().Customers;

        left.Merge(right);
        left.Add(Buy("A", 2024, 1, 9, 3m));

        right.GetResult().Customers.Should().Equal(before);
        left.GetResult().Customers[0].Frequency.Should().Be(2);
    }

    [Fact]
    public void Result_CountsRepeatCustomersAndFindsCustomers()
    {
        var result = new CustomerSummaryBuilder<string>(Plain(CustomerSummaryTimeUnit.Day))
            .AddRange([.. CustomerA(), Buy("B", 2024, 1, 2, 1m)]).GetResult();

        result.RepeatCustomers.Should().Be(1);
        result.TotalFrequency.Should().Be(2);
        result.Customers.Select(c => c.Customer).Should().Equal("A", "B");
        result.TryGetCustomer("B", out var b).Should().BeTrue();
        b!.Age.Should().Be(13);
        result.TryGetCustomer("C", out _).Should().BeFalse();
    }

    [Property(MaxTest = 200)]
    public bool Merge_OfAnyPartitioning_EqualsOnePass((byte Customer, byte Day, byte Hour, ushort Cents, byte Partition)[] rows)
    {
        var options = new CustomerSummaryOptions(Utc, new LocalDate(2024, 2, 1), CustomerSummaryTimeUnit.Week, new LocalDate(2024, 3, 15));
        var purchases = rows.Select(r => (
            Purchase: new Purchase<int>(r.Customer % 7, Instant.FromUtc(2024, 1, 1, r.Hour % 24, 0).Plus(Duration.FromDays(r.Day % 80)), r.Cents / 100m),
            Partition: r.Partition % 4)).ToList();

        var whole = new CustomerSummaryBuilder<int>(options).AddRange(purchases.Select(p => p.Purchase)).GetResult();
        var parts = Enumerable.Range(0, 4)
            .Select(k => new CustomerSummaryBuilder<int>(options).AddRange(purchases.Where(p => p.Partition == k).Select(p => p.Purchase)))
            .ToList();
        var merged = parts[3];
        merged.Merge(parts[1]);
        merged.Merge(parts[0]);
        merged.Merge(parts[2]);
        var result = merged.GetResult();

        return result.Customers.SequenceEqual(whole.Customers)
            && result.RowsRead == whole.RowsRead
            && result.PurchasesAfterObservationEnd == whole.PurchasesAfterObservationEnd
            && result.CustomersFirstSeenInHoldout == whole.CustomersFirstSeenInHoldout;
    }

    [Property(MaxTest = 200)]
    public bool AnyOrderAndAnyPartition_EqualTheBruteForceModel(int seed, bool withHoldout)
    {
        var purchases = RandomPurchases.Generate(seed, maxCount: 400, customers: 40);
        var options = withHoldout
            ? new CustomerSummaryOptions(Utc, new LocalDate(2023, 11, 30), CustomerSummaryTimeUnit.Week, new LocalDate(2024, 9, 30))
            : new CustomerSummaryOptions(Utc, new LocalDate(2024, 9, 30), CustomerSummaryTimeUnit.Day);
        var expected = BruteForce(purchases, options);

        var shuffled = new CustomerSummaryBuilder<int>(options).AddRange(Partitions.Shuffle(purchases, seed)).GetResult();
        var merged = Partitions.MergeAll<CustomerSummaryBuilder<int>, Purchase<int>, CustomerSummarySet<int>>(
            Partitions.Shuffle(purchases, seed + 1), seed, () => new CustomerSummaryBuilder<int>(options));

        return shuffled.Customers.SequenceEqual(expected) && merged.Customers.SequenceEqual(expected)
            && merged.RowsRead == purchases.Count && shuffled.RowsRead == purchases.Count;
    }

    // The definition, written the obvious way: group by customer, then by local day.
    private static List<CustomerSummary<int>> BruteForce(List<Purchase<int>> purchases, CustomerSummaryOptions options)
    {
        var unit = options.TimeUnit;
        var summaryEnd = options.CalibrationEnd;
        var result = new List<CustomerSummary<int>>();
        foreach (var customer in purchases.GroupBy(p => p.Customer).OrderBy(g => g.Key))
        {
            var days = customer
                .Select(p => (Day: p.DateIn(options.Zone), p.Amount))
                .Where(p => p.Day <= options.LastDayRead)
                .GroupBy(p => p.Day, (day, amounts) => (Day: day, Total: amounts.Sum(a => a.Amount)))
                .OrderBy(d => d.Day)
                .ToList();
            if (days.Count == 0 || days[0].Day > summaryEnd)
            {
                continue;
            }

            var calibration = days.Where(d => d.Day <= summaryEnd).ToList();
            var holdout = days.Where(d => d.Day > summaryEnd).ToList();
            var first = calibration[0].Day;
            var last = calibration[^1].Day;
            var frequency = calibration.Count - 1;
            result.Add(new CustomerSummary<int>(
                customer.Key,
                first,
                last,
                frequency,
                unit.FromDayCount(Period.DaysBetween(first, last)),
                unit.FromDayCount(Period.DaysBetween(first, summaryEnd)),
                frequency == 0 ? 0m : calibration.Skip(1).Sum(d => d.Total) / frequency,
                options.HasHoldout
                    ? new CustomerSummaryHoldout(holdout.Count, holdout.Count == 0 ? 0m : holdout.Sum(d => d.Total) / holdout.Count, unit.FromDayCount(Period.DaysBetween(summaryEnd, options.LastDayRead)))
                    : null));
        }

        return result;
    }
}
