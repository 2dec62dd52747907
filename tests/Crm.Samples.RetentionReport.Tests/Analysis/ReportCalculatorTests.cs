using Crm.Metrics;
using Crm.Metrics.Rfm;
using Crm.Samples.RetentionReport.Analysis;
using Crm.Samples.RetentionReport.Generation;
using FsCheck.Xunit;
using NodaTime;

namespace Crm.Samples.RetentionReport.Tests.Analysis;

public sealed class ReportCalculatorTests
{
    private static ReportSettings Settings(LocalDate calibrationEnd) => new(DateTimeZone.Utc, calibrationEnd, calibrationEnd, CustomerSummaryTimeUnit.Week);

    private static Purchase<string> Buy(string customer, int year, int month, int day, decimal amount = 10m)
        => new(customer, Instant.FromUtc(year, month, day, 12, 0), amount);

    [Fact]
    public void The_quarters_are_the_last_eight_complete_ones_up_to_the_calibration_end()
    {
        var purchases = new[] { Buy("A", 2023, 2, 1), Buy("B", 2025, 12, 1) };

        ReportCalculator.Calculate(purchases, Settings(new LocalDate(2025, 12, 31))).Quarters.Select(q => q.Quarter).Should()
            .Equal("2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4", "2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4");
        ReportCalculator.Calculate(purchases, Settings(new LocalDate(2025, 12, 30))).Quarters[^1].Quarter.Should()
            .Be("2025-Q3", "a quarter cut short by the calibration end would understate E");
    }

    [Fact]
    public void Quarterly_retention_counts_S_N_and_E_with_a_six_month_window()
    {
        // Quarter 2025-Q4 (1 Oct – 31 Dec), active for 6 months after a purchase:
        //   A bought 2025-05-01 → active until 2025-11-01: in S, not in E.    B bought 2025-08-01 and 2025-11-15: in S and E.
        //   C bought 2025-10-10 (first time): in N and E.                      D bought 2025-01-01: lapsed before the quarter.
        // S = 2, N = 1, E = 2 → retention (2 − 1) / 2 = 50 %, churn 50 %.
        var purchases = new[] { Buy("A", 2025, 5, 1), Buy("B", 2025, 8, 1), Buy("B", 2025, 11, 15), Buy("C", 2025, 10, 10), Buy("D", 2025, 1, 1) };

        var last = ReportCalculator.Calculate(purchases, Settings(new LocalDate(2025, 12, 31))).Quarters[^1];

        last.Should().BeEquivalentTo(new { Quarter = "2025-Q4", StartCustomers = 2L, NewCustomers = 1L, EndCustomers = 2L });
        last.RetentionPercentage.Value.Should().BeApproximately(50, 1e-9);
        last.ChurnPercentage.Value.Should().BeApproximately(50, 1e-9);
    }

    [Fact]
    public void Purchases_after_the_calibration_end_count_only_as_rows_read()
    {
        var purchases = new[] { Buy("A", 2025, 1, 1, 5m), Buy("A", 2025, 2, 1, 7m), Buy("B", 2025, 3, 1, 100m) };

        var figures = ReportCalculator.Calculate(purchases, Settings(new LocalDate(2025, 2, 28)));

        figures.Transactions.Should().Be(3);
        figures.Customers.Should().Be(1);
        figures.Revenue.Should().Be(12m);
        figures.RepeatCustomerShare.Should().Be(1);
    }

    [Fact]
    public void With_a_holdout_period_the_prediction_stands_beside_the_purchase_days_made_in_it()
    {
        // Calibration to 31 January, observation to 31 March. In the holdout A buys on two days (the two purchases of
        // 10 February count once), C is first seen there and so is no calibration customer: 3 purchase days in all.
        var purchases = new[] { Buy("A", 2025, 1, 2), Buy("A", 2025, 1, 20), Buy("B", 2025, 1, 10), Buy("A", 2025, 2, 10), Buy("A", 2025, 2, 10), Buy("A", 2025, 3, 1), Buy("B", 2025, 3, 5), Buy("C", 2025, 2, 1) };
        var settings = new ReportSettings(DateTimeZone.Utc, new LocalDate(2025, 1, 31), new LocalDate(2025, 3, 31), CustomerSummaryTimeUnit.Week);

        var figures = ReportCalculator.Calculate(purchases, settings);

        figures.Holdout.Should().BeEquivalentTo(new { From = new LocalDate(2025, 2, 1), To = new LocalDate(2025, 3, 31), ActualPurchaseDays = 3L });
        figures.Holdout!.PredictedPurchaseDays.Should().BePositive();
        figures.Customers.Should().Be(2);
        ReportCalculator.Calculate(purchases, Settings(new LocalDate(2025, 3, 31))).Holdout.Should().BeNull("there is no holdout period when the calibration ends at the end of observation");
    }

    [Fact]
    public void No_purchases_give_an_empty_report_with_undefined_shares_and_no_models()
    {
        var figures = ReportCalculator.Calculate([], Settings(new LocalDate(2025, 2, 28)));

        figures.Customers.Should().Be(0);
        figures.RepeatCustomerShare.Should().BeNull();
        figures.ParetoTop20RevenueShare.Should().BeNull();
        figures.BgNbd.Should().BeNull();
        figures.GammaGamma.Should().BeNull();
        figures.Cohorts.Should().BeEmpty();
    }

    [Fact]
    public void Every_customer_gets_an_outlook_with_a_probability_and_highest_clv_first()
    {
        var purchases = new[] { Buy("A", 2025, 1, 1), Buy("A", 2025, 1, 20, 30m), Buy("A", 2025, 2, 10, 40m), Buy("B", 2025, 1, 5), Buy("B", 2025, 2, 1, 15m), Buy("C", 2025, 2, 2) };

        var outlook = ReportCalculator.Calculate(purchases, Settings(new LocalDate(2025, 2, 28))).Outlook;

        outlook.Select(o => o.Customer).Should().BeEquivalentTo("A", "B", "C");
        outlook.Should().OnlyContain(o => o.ProbabilityAlive >= 0 && o.ProbabilityAlive <= 1);
        outlook.Select(o => o.Clv ?? 0).Should().BeInDescendingOrder();
        outlook.Single(o => o.Customer == "A").Should().BeEquivalentTo(new { PurchaseDays = 3, Revenue = 80m, DaysSinceLastPurchase = 18 });
    }

    [Fact]
    public void The_time_unit_rescales_alpha_and_leaves_the_other_parameters()
    {
        // T, t_x and α are all in the time unit, so measuring in days instead of weeks multiplies α by 7 and leaves r, a, b.
        var generated = CustomerBaseGenerator.Default.Generate(3_000, new LocalDate(2024, 1, 1), new LocalDate(2025, 12, 31));
        var purchases = generated.Purchases.Select(p => new Purchase<string>($"c{p.Customer}", p.At, p.Amount)).ToArray();
        var end = new LocalDate(2025, 12, 31);

        var weeks = ReportCalculator.Calculate(purchases, new ReportSettings(DateTimeZone.Utc, end, end, CustomerSummaryTimeUnit.Week)).BgNbd!;
        var days = ReportCalculator.Calculate(purchases, new ReportSettings(DateTimeZone.Utc, end, end, CustomerSummaryTimeUnit.Day)).BgNbd!;

        days["alpha"].Should().BeApproximately(7 * weeks["alpha"], 1e-3 * days["alpha"]);
        foreach (var name in new[] { "r", "a", "b" })
        {
            days[name].Should().BeApproximately(weeks[name], 1e-3 * weeks[name]);
        }

    }

    [Property(MaxTest = 50)]
    public bool Cohort_sizes_add_up_to_the_customers_and_every_share_is_a_fraction_starting_at_one((byte Customer, ushort Day, ushort Cents)[] rows)
    {
        var purchases = rows.Select(r => new Purchase<string>($"c{r.Customer % 40}", Instant.FromUtc(2024, 1, 1, 8, 0) + Duration.FromDays(r.Day % 800), r.Cents / 100m));
        var total = rows.Where(r => r.Day % 800 <= 730).Sum(r => r.Cents / 100m);

        var figures = ReportCalculator.Calculate(purchases, Settings(new LocalDate(2025, 12, 31)));

        return figures.Cohorts.Sum(c => c.Size) == figures.Customers
            && figures.Cohorts.All(c => c.Active[0] == 1 && c.Active.All(a => a is >= 0 and <= 1))
            && figures.Revenue == total
            && figures.Transactions == rows.Length;
    }
}
