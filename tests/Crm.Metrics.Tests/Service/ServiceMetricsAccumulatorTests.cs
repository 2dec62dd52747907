using Crm.Metrics.Service;
using FsCheck.Xunit;
using NodaTime;

namespace Crm.Metrics.Tests.Service;

public sealed class ServiceMetricsAccumulatorTests
{
    private static readonly Instant T0 = Instant.FromUtc(2024, 5, 1, 9, 0);

    private static CaseFacts Case(int? responseMinutes, int? resolvedMinutes, int? contacts, string category = "billing")
        => new(
            T0,
            responseMinutes is { } r ? T0 + Duration.FromMinutes(r) : null,
            resolvedMinutes is { } s ? T0 + Duration.FromMinutes(s) : null,
            contacts,
            category);

    [Fact]
    public void Calculate_FirstResponseTime_MedianAndP90OverAnsweredCases()
    {
        // Answered after 1, 2, 3, 4 and 10 minutes; one case never answered.
        var result = ServiceMetricsAccumulator.Calculate(
        [
            Case(10, null, null), Case(3, null, null), Case(1, null, null), Case(4, null, null), Case(2, null, null), Case(null, null, null),
        ]);

        result.FirstResponseTime.Count.Should().Be(5);
        result.FirstResponseTime.Median.Should().Be(Duration.FromMinutes(3));
        result.FirstResponseTime.Percentile90.Should().Be(Duration.FromSeconds(456));
        result.FirstResponseTime.Mean.Should().Be(Duration.FromMinutes(4));
        result.FirstResponseTime.Minimum.Should().Be(Duration.FromMinutes(1));
        result.FirstResponseTime.Maximum.Should().Be(Duration.FromMinutes(10));
        result.NeverAnswered.Should().Be(1);
        result.NeverAnsweredRate.Value.Should().BeApproximately(1.0 / 6, 1e-12);
    }

    [Fact]
    public void Calculate_ResolutionTime_MedianP90AndMeanOverResolvedCases()
    {
        // Resolved after 60, 120, 180 and 600 minutes: median h = 1.5 → 150 min; P90 h = 2.7 → 180 + 0.7 × 420 = 474 min; mean 240 min.
        var result = ServiceMetricsAccumulator.Calculate(
        [
            Case(1, 60, 1), Case(1, 600, 3), Case(1, 120, null), Case(1, 180, 1), Case(1, null, null),
        ]);

        result.ResolutionTime.Count.Should().Be(4);
        result.ResolutionTime.Median.Should().Be(Duration.FromMinutes(150));
        result.ResolutionTime.Percentile90.Should().Be(Duration.FromMinutes(474));
        result.ResolutionTime.Mean.Should().Be(Duration.FromMinutes(240));
    }

    [Fact]
    public void Calculate_MeanIsRoundedToTheNanosecond()
    {
        var opened = T0;
        var cases = new[] { 0L, 1, 1 }.Select(ns => new CaseFacts(opened, opened + Duration.FromNanoseconds(ns), null, null, "x"));

        // (0 + 1 + 1) / 3 = 0.667 ns → 1 ns.
        ServiceMetricsAccumulator.Calculate(cases).FirstResponseTime.Mean.Should().Be(Duration.FromNanoseconds(1));
    }

    [Fact]
    public void Calculate_FirstContactResolution_CountsOnlyResolvedCasesWithAKnownContactCount()
    {
        // Resolved with 1 contact, with 3, with unknown count, and one unresolved: FCR = 1 / 2.
        var result = ServiceMetricsAccumulator.Calculate([Case(1, 10, 1), Case(1, 10, 3), Case(1, 10, null), Case(1, null, null)]);

        result.ResolvedWithKnownContacts.Should().Be(2);
        result.ResolvedAtFirstContact.Should().Be(1);
        result.FirstContactResolutionRate.Value.Should().Be(0.5);
    }

    [Fact]
    public void Calculate_TopCategories_MostFrequentFirst_TiesInOrdinalOrder()
    {
        var cases = new[] { "billing", "shipping", "billing", "access", "other", "shipping", "access", "billing" }
            .Select(c => Case(1, null, null, c));

        var result = ServiceMetricsAccumulator.Calculate(cases, topCategories: 3);

        result.TopCategories.Should().Equal(new CategoryCount("billing", 3), new CategoryCount("access", 2), new CategoryCount("shipping", 2));
    }

    [Fact]
    public void Calculate_TopZeroCategories_ListsNone()
        => ServiceMetricsAccumulator.Calculate([Case(1, null, null)], topCategories: 0).TopCategories.Should().BeEmpty();

    [Fact]
    public void Constructor_NegativeTopCategories_Throws()
    {
        var act = () => new ServiceMetricsAccumulator(-1);

        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "topCategories");
    }

    [Fact]
    public void Calculate_NoCases_EverythingIsUndefinedWithAReason()
    {
        var result = ServiceMetricsAccumulator.Calculate([]);

        result.Cases.Should().Be(0);
        result.NeverAnsweredRate.IsDefined.Should().BeFalse();
        result.FirstContactResolutionRate.IsDefined.Should().BeFalse();
        result.FirstResponseTime.IsDefined.Should().BeFalse();
        result.FirstResponseTime.UndefinedReason.Should().Contain("no answered cases");
        result.FirstResponseTime.Median.Should().BeNull();
        result.ResolutionTime.UndefinedReason.Should().Contain("no resolved cases");
        result.TopCategories.Should().BeEmpty();
    }

    [Fact]
    public void Add_Null_Throws()
    {
        var act = () => new ServiceMetricsAccumulator().Add(null!);

        act.Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void Merge_DifferentTopCategoryCount_Throws()
    {
        var act = () => new ServiceMetricsAccumulator(3).Merge(new ServiceMetricsAccumulator(5));

        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "other");
    }

    [Fact]
    public void Results_AreEqualByValue()
        => ServiceMetricsAccumulator.Calculate([Case(1, 2, 1, "a"), Case(null, null, null, "b")])
            .Should().Be(ServiceMetricsAccumulator.Calculate([Case(null, null, null, "b"), Case(1, 2, 1, "a")]));

    [Property]
    public bool MergeOfRandomPartitions_EqualsTheWhole(int[] raw, int seed)
    {
        var cases = ToCases(raw);
        var whole = ServiceMetricsAccumulator.Calculate(cases);
        var merged = Partitions.MergeAll<ServiceMetricsAccumulator, CaseFacts, ServiceMetrics>(cases, seed, () => new ServiceMetricsAccumulator());
        return SameMetrics(whole, merged);
    }

    [Property]
    public bool Result_DoesNotDependOnInputOrder(int[] raw, int seed)
    {
        var cases = ToCases(raw);
        return SameMetrics(ServiceMetricsAccumulator.Calculate(cases), ServiceMetricsAccumulator.Calculate(Partitions.Shuffle(cases, seed)));
    }

    [Property]
    public bool Percentiles_LieBetweenTheMinimumAndTheMaximum(int[] raw)
    {
        var stats = ServiceMetricsAccumulator.Calculate(ToCases(raw)).FirstResponseTime;
        return !stats.IsDefined
               || (stats.Minimum <= stats.Median && stats.Median <= stats.Percentile90 && stats.Percentile90 <= stats.Maximum
                   && stats.Minimum <= stats.Mean && stats.Mean <= stats.Maximum);
    }

    private static bool SameMetrics(ServiceMetrics a, ServiceMetrics b)
        => a.Cases == b.Cases && a.NeverAnswered == b.NeverAnswered && a.NeverAnsweredRate == b.NeverAnsweredRate
           && a.FirstResponseTime == b.FirstResponseTime && a.ResolutionTime == b.ResolutionTime
           && a.FirstContactResolutionRate == b.FirstContactResolutionRate && a.TopCategories.SequenceEqual(b.TopCategories);

    private static List<CaseFacts> ToCases(int[] raw)
        => (raw ?? []).Select(x =>
        {
            var v = Math.Abs((long)x);
            var response = v % 5 == 0 ? (int?)null : (int)(v % 997);
            var resolved = v % 3 == 0 ? (int?)null : (int)(v % 5003);
            var contacts = resolved is null || v % 7 == 0 ? (int?)null : (int)(1 + (v % 3));
            return Case(response, resolved, contacts, "c" + (v % 4));
        }).ToList();
}
