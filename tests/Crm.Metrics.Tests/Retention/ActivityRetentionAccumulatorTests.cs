using Crm.Metrics.Periods;
using Crm.Metrics.Retention;
using FsCheck.Xunit;
using NodaTime;

namespace Crm.Metrics.Tests.Retention;

public sealed class ActivityRetentionAccumulatorTests
{
    private static readonly ReportingPeriod April = ReportingPeriod.Month(2024, 4, DateTimeZone.Utc);
    private static readonly Period ThirtyDays = Period.FromDays(30);

    private static Purchase<string> P(string customer, int month, int day, int hour = 0) => new(customer, Instant.FromUtc(2024, month, day, hour, 0), 10m);

    [Fact]
    public void Calculate_ClassifiesByTheInactivityWindow()
    {
        var purchases = new[]
        {
            P("kept", 3, 20), P("kept", 4, 25),
            P("lapsed-in-april", 3, 20),
            P("long-gone", 1, 1),
            P("returning", 1, 1), P("returning", 4, 10),
            P("new-kept", 4, 2),
            P("new-lost", 4, 1),            // expires 1 May 00:00, exactly at the end: not active then
            P("after-the-period", 5, 3),
            P("expires-at-t0", 3, 2),       // 2 March + 30 days = 1 April 00:00: not active at the start
        };

        var result = RetentionRate.FromPurchases(purchases, April, ThirtyDays);

        // S = kept, lapsed-in-april; N = returning, new-kept, new-lost; E = kept, returning, new-kept.
        result.StartCustomers.Should().Be(2);
        result.NewCustomers.Should().Be(3);
        result.EndCustomers.Should().Be(3);
        result.RetainedCustomers.Should().Be(1);
        result.NewCustomersLost.Should().Be(1);
        result.RetentionPercent.Value.Should().Be(0);
        result.ExactRetentionPercent.Value.Should().Be(50);
    }

    [Fact]
    public void Window_InCalendarMonths_IsAddedInTheZone()
    {
        // 31 March + 1 month = 30 April (NodaTime clamps to the month's end): active at the start, not at the end.
        var result = RetentionRate.FromPurchases([P("a", 3, 31, 10)], April, Period.FromMonths(1));

        result.StartCustomers.Should().Be(1);
        result.EndCustomers.Should().Be(0);
        result.LostCustomers.Should().Be(1);
    }

    [Fact]
    public void PurchaseLateOn31MarchUtc_IsInAprilInYerevan()
    {
        var yerevanApril = ReportingPeriod.Month(2024, 4, DateTimeZoneProviders.Tzdb["Asia/Yerevan"]);
        var purchase = new Purchase<string>("a", Instant.FromUtc(2024, 3, 31, 21, 0), 5m);

        var inYerevan = RetentionRate.FromPurchases([purchase], yerevanApril, ThirtyDays);
        var inUtc = RetentionRate.FromPurchases([purchase], April, ThirtyDays);

        inYerevan.NewCustomers.Should().Be(1);
        inYerevan.StartCustomers.Should().Be(0);
        inUtc.StartCustomers.Should().Be(1);
        inUtc.NewCustomers.Should().Be(0);
    }

    [Fact]
    public void Calculate_OnlyPurchasesAfterThePeriod_TakeNoCustomer()
    {
        var result = RetentionRate.FromPurchases([P("a", 6, 1)], April, ThirtyDays);

        result.Should().Be(RetentionRate.FromPurchases(Array.Empty<Purchase<string>>(), April, ThirtyDays));
        result.RetentionPercent.UndefinedReason.Should().Contain("S = 0");
    }

    [Fact]
    public void Add_NegativeAmount_ThrowsNamingTheRule()
    {
        var act = () => new ActivityRetentionAccumulator<string>(April, ThirtyDays).Add(new Purchase<string>("a", Instant.FromUtc(2024, 4, 2, 0, 0), -1m));

        act.Should().Throw<ArgumentOutOfRangeException>().Where(x => x.ParamName == "item").WithMessage("A purchase amount must not be negative (was -1)*");
    }

    [Fact]
    public void Add_DefaultPurchase_Throws()
    {
        var act = () => new ActivityRetentionAccumulator<string>(April, ThirtyDays).Add(default);

        act.Should().Throw<ArgumentException>().Where(x => x.ParamName == "item");
    }

    [Fact]
    public void Constructor_ZeroWindow_Throws()
    {
        var act = () => new ActivityRetentionAccumulator<int>(April, Period.Zero);

        act.Should().Throw<ArgumentOutOfRangeException>().Where(x => x.ParamName == "inactivityWindow").WithMessage("The inactivity window must be positive*");
    }

    [Fact]
    public void Constructor_WindowWithANegativeComponent_Throws()
    {
        var act = () => new ActivityRetentionAccumulator<int>(April, Period.FromMonths(1) - Period.FromDays(3));

        act.Should().Throw<ArgumentOutOfRangeException>().Where(x => x.ParamName == "inactivityWindow");
    }

    [Fact]
    public void Merge_AnotherWindow_Throws()
    {
        var act = () => new ActivityRetentionAccumulator<int>(April, ThirtyDays).Merge(new ActivityRetentionAccumulator<int>(April, Period.FromDays(31)));

        act.Should().Throw<ArgumentException>().Where(x => x.ParamName == "other");
    }

    [Fact]
    public async Task AddRangeAsync_GivesTheSameResultAsTheSequence()
    {
        var purchases = RandomPurchases.Generate(7, 300);

        var accumulator = await new ActivityRetentionAccumulator<int>(April, ThirtyDays).AddRangeAsync(purchases.ToAsyncEnumerable());

        accumulator.GetResult().Should().Be(RetentionRate.FromPurchases(purchases, April, ThirtyDays));
    }

    [Property]
    public bool MergeOfRandomPartitions_EqualsTheWhole_AndOrderDoesNotMatter(int seed)
    {
        var period = ReportingPeriod.Quarter(2023, 3, DateTimeZone.Utc);
        var window = Period.FromDays(45);
        var purchases = RandomPurchases.Generate(seed);
        var whole = RetentionRate.FromPurchases(purchases, period, window);
        var merged = Partitions.MergeAll<ActivityRetentionAccumulator<int>, Purchase<int>, RetentionResult>(
            purchases, seed, () => new ActivityRetentionAccumulator<int>(period, window));
        var shuffled = RetentionRate.FromPurchases(Partitions.Shuffle(purchases, seed), period, window);
        return merged == whole && shuffled == whole
               && whole.EndCustomers <= whole.StartCustomers + whole.NewCustomers
               && (!whole.ExactRetentionPercent.IsDefined || whole.ExactRetentionPercent.Value is >= 0 and <= 100);
    }
}
