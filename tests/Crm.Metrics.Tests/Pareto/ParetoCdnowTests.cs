using Crm.Metrics.Pareto;
using Crm.Metrics.Tests.Clv;

namespace Crm.Metrics.Tests.Pareto;

public sealed class ParetoCdnowTests
{
    [CdnowFact]
    public void Top20PercentOfTheCdnowSample_Is472CustomersWith67Point455PercentOfRevenue()
    {
        var result = ParetoAnalysis.Calculate(CdnowData.Transactions);

        var top = result.TopShare();

        result.Customers.Should().Be(2357);
        result.TotalAmount.Should().Be(244_091.94m, "the README gives the column total");
        top.TopCustomers.Should().Be(472);
        top.Share.Round(5).Value.Should().Be(0.67455);
        top.SharePercent.Round(3).Value.Should().Be(67.455);
    }

    [CdnowFact]
    public void CustomersForShare_MatchesAnIndependentCount()
    {
        var result = ParetoAnalysis.Calculate(CdnowData.Transactions);
        var totals = CdnowData.Transactions.GroupBy(p => p.Customer).Select(g => g.Sum(p => p.Amount)).OrderByDescending(a => a).ToList();
        var target = 0.8m * totals.Sum();
        var running = 0m;
        var needed = totals.TakeWhile(a => (running += a) - a < target).Count();

        var concentration = result.CustomersForShare(0.8);

        concentration.CustomersNeeded.Should().Be(needed);
        concentration.CustomerShare.Value.Should().BeApproximately(needed / 2357.0, 1e-15);
    }
}
