using Crm.Metrics.Referrals;
using FsCheck.Xunit;

namespace Crm.Metrics.Tests.Referrals;

public sealed class ReferralFunnelAccumulatorTests
{
    private static ReferralInvitation<string> Invite(string referrer, bool converted) => new(referrer, converted);

    [Fact]
    public void Funnel_ConversionRateAndViralCoefficient()
    {
        // A sends 4 (2 convert), B sends 1 (none): c = 2 / 5 = 0.4.
        var funnel = ReferralMetrics.Funnel([Invite("A", true), Invite("A", false), Invite("A", true), Invite("A", false), Invite("B", false)]);

        funnel.InvitationsSent.Should().Be(5);
        funnel.Converted.Should().Be(2);
        funnel.Referrers.Should().Be(2);
        funnel.ConversionRate.Value.Should().BeApproximately(0.4, 1e-12);

        // Over a base of 10 customers: i = 5 / 10 = 0.5 invitations per customer; K = 0.5 × 0.4 = 0.2.
        funnel.ViralCoefficient(10).Value.Should().BeApproximately(0.2, 1e-12);

        // Over the 2 referrers: i = 2.5; K = 2.5 × 0.4 = 1.
        funnel.ViralCoefficientAmongReferrers.Value.Should().BeApproximately(1, 1e-12);
    }

    [Fact]
    public void Funnel_NoInvitations_ConversionIsUndefined_KIsZeroOverABase()
    {
        var funnel = ReferralMetrics.Funnel<string>([]);

        funnel.ConversionRate.IsDefined.Should().BeFalse();
        funnel.ConversionRate.UndefinedReason.Should().Contain("no invitations");
        funnel.ViralCoefficientAmongReferrers.IsDefined.Should().BeFalse();
        funnel.ViralCoefficient(10).Value.Should().Be(0);
        funnel.ViralCoefficient(0).IsDefined.Should().BeFalse();
    }

    [Fact]
    public void ViralCoefficient_NegativeBase_Throws()
    {
        var act = () => ReferralMetrics.Funnel([Invite("A", true)]).ViralCoefficient(-1);

        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "customers");
    }

    [Fact]
    public void ViralCoefficient_BaseSmallerThanTheReferrers_Throws()
    {
        var act = () => ReferralMetrics.Funnel([Invite("A", true), Invite("B", true)]).ViralCoefficient(1);

        act.Should().Throw<ArgumentOutOfRangeException>().Where(e => e.ParamName == "customers");
    }

    [Fact]
    public void Add_NullReferrer_Throws()
    {
        var act = () => new ReferralFunnelAccumulator<string>().Add(new ReferralInvitation<string>(null!, true));

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Merge_DifferentComparer_Throws()
    {
        var act = () => new ReferralFunnelAccumulator<string>(StringComparer.Ordinal).Merge(new ReferralFunnelAccumulator<string>(StringComparer.OrdinalIgnoreCase));

        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "other");
    }

    [Property]
    public bool MergeOfRandomPartitions_EqualsTheWhole(int[] raw, int seed)
    {
        var invitations = (raw ?? []).Select(x => new ReferralInvitation<int>(Math.Abs(x % 13), x % 3 == 0)).ToList();
        var whole = new ReferralFunnelAccumulator<int>().AddRange(invitations).GetResult();
        var merged = Partitions.MergeAll<ReferralFunnelAccumulator<int>, ReferralInvitation<int>, ReferralFunnel>(invitations, seed, () => new ReferralFunnelAccumulator<int>());
        return merged == whole && (!whole.ConversionRate.IsDefined || whole.ConversionRate.Value is >= 0 and <= 1);
    }
}
