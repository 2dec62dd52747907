using Crm.Contacts.Acquisition;

namespace Crm.Contacts.Tests.Acquisition;

public sealed class AcquisitionSourceTests
{
    [Fact]
    public void SourceAndMedium_AreLowerCased_CampaignAndDetailKept()
    {
        var source = new AcquisitionSource(" Google ", "CPC", " Spring-Sale ", "Ad 7");
        source.Source.Should().Be("google");
        source.Medium.Should().Be("cpc");
        source.Campaign.Should().Be("Spring-Sale");
        source.Detail.Should().Be("Ad 7");
        source.ToString().Should().Be("google/cpc/Spring-Sale/Ad 7");
    }

    [Fact]
    public void Source_IsRequired()
        => FluentActions.Invoking(() => new AcquisitionSource(" ")).Should().Throw<ArgumentException>().WithMessage("AcquisitionSource.Source must not be empty*");

    [Fact]
    public void Parts_TooLong_AreRejected()
        => FluentActions.Invoking(() => new AcquisitionSource("x", campaign: new string('c', 201))).Should().Throw<ArgumentException>().WithMessage("AcquisitionSource.Campaign must be at most 200*");

    [Fact]
    public void Equality_ComparesAllParts()
    {
        new AcquisitionSource("google", "cpc").Should().Be(new AcquisitionSource("GOOGLE", "cpc"));
        new AcquisitionSource("google", "cpc").Should().NotBe(new AcquisitionSource("google"));
    }
}
