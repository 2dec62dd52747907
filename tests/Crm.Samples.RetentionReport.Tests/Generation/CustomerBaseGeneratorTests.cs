using Crm.Metrics.Clv;
using Crm.Samples.RetentionReport.Generation;
using NodaTime;

namespace Crm.Samples.RetentionReport.Tests.Generation;

public sealed class CustomerBaseGeneratorTests
{
    private static readonly LocalDate First = new(2024, 1, 1);
    private static readonly LocalDate AsOf = new(2025, 12, 31);

    [Fact]
    public void One_seed_gives_one_base()
    {
        var a = CustomerBaseGenerator.Default.Generate(500, First, AsOf);
        var b = CustomerBaseGenerator.Default.Generate(500, First, AsOf);

        a.Customers.Should().Equal(b.Customers);
        a.Purchases.Should().Equal(b.Purchases);
    }

    [Fact]
    public void Purchases_fall_between_the_acquisition_and_the_as_of_date_and_the_first_is_the_acquisition()
    {
        var generated = CustomerBaseGenerator.Default.Generate(2_000, First, AsOf);
        var end = AsOf.PlusDays(1).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant();

        generated.Purchases.Should().OnlyContain(p => p.At >= generated.Customers[p.Customer].Acquired && p.At < end);
        generated.Purchases.GroupBy(p => p.Customer).Should().OnlyContain(g => g.Min(p => p.At) == generated.Customers[g.Key].Acquired);
        generated.Purchases.Should().BeInAscendingOrder(p => p.At);
        generated.Purchases.Should().OnlyContain(p => p.Amount > 0);
    }

    [Fact]
    public void A_referrer_was_acquired_before_the_customers_they_referred_and_some_chains_are_long()
    {
        var generated = CustomerBaseGenerator.Default.Generate(6_000, First, AsOf);

        generated.Customers.Select((c, i) => (c.ReferredBy, i)).Where(x => x.ReferredBy is not null).Should().OnlyContain(x => x.ReferredBy < x.i);
        generated.Referrals.Should().BeInRange(1_200, 1_800, "about a quarter of the customers come through a referral");
        int Depth(int i) => generated.Customers[i].ReferredBy is { } r ? 1 + Depth(r) : 0;
        Enumerable.Range(0, generated.Customers.Count).Max(Depth).Should().BeGreaterThanOrEqualTo(8);
    }

    [Fact]
    public void The_bg_nbd_fit_on_a_large_base_lands_near_the_parameters_it_was_drawn_from()
    {
        // The generator tells exactly the BG/NBD story, so maximum likelihood on 20,000 customers should recover r and a/(a+b)
        // (the mean dropout probability) closely; alpha, a and b separately are less well identified on two years.
        var generated = CustomerBaseGenerator.Default.Generate(20_000, First, AsOf);
        var end = AsOf.PlusDays(1).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant();
        var histories = generated.Purchases.GroupBy(p => p.Customer).Select(g =>
        {
            var days = g.Select(p => (p.At - generated.Customers[g.Key].Acquired).TotalDays).ToArray();
            var age = (end - generated.Customers[g.Key].Acquired).TotalDays / 7;
            return new PurchaseHistory(days.Length - 1, days.Max() / 7, age);
        });

        var fit = BgNbdModel.Fit(histories).Model;

        fit.R.Should().BeApproximately(BgNbdProcess.Cdnow.R, 0.03);
        (fit.A / (fit.A + fit.B)).Should().BeApproximately(0.793 / (0.793 + 2.426), 0.04);
    }
}
