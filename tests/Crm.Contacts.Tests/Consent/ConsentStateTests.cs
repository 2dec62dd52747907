using Crm.Contacts.Consent;
using Crm.Contacts.Profile;
using NodaTime;

namespace Crm.Contacts.Tests.Consent;

public sealed class ConsentStateTests
{
    private static readonly ConsentPurpose Newsletter = new("newsletter");
    private static readonly ConsentAddress Work = ConsentAddress.ForEmail(EmailAddress.Parse("ann@work.example"));
    private static readonly Instant T0 = Instant.FromUtc(2025, 1, 1, 0, 0);

    private static ConsentRecord Rec(ConsentAction action, int minutes, bool awaits = false, ConsentAddress? address = null)
        => new(Newsletter, address ?? Work, action, LawfulBasis.Consent, T0 + Duration.FromMinutes(minutes), $"src-{minutes}", awaits);

    [Fact]
    public void NoHistory_IsNotGiven()
        => ConsentState.Derive([], Newsletter, Work).Status.Should().Be(ConsentStatus.NotGiven);

    [Fact]
    public void DoubleOptIn_GrantThenConfirm_IsGiven_WithConfirmationTimeAndSource()
    {
        var pending = ConsentState.Derive([Rec(ConsentAction.Granted, 0, awaits: true)], Newsletter, Work);
        pending.Status.Should().Be(ConsentStatus.AwaitingConfirmation);
        pending.IsGiven.Should().BeFalse();

        var confirmed = ConsentState.Derive([Rec(ConsentAction.Granted, 0, awaits: true), Rec(ConsentAction.Confirmed, 5)], Newsletter, Work);
        confirmed.IsGiven.Should().BeTrue();
        confirmed.GrantedAt.Should().Be(T0);
        confirmed.ConfirmedAt.Should().Be(T0 + Duration.FromMinutes(5));
        confirmed.ConfirmationSource.Should().Be("src-5");
        confirmed.Basis.Should().Be(LawfulBasis.Consent);
    }

    [Fact]
    public void Withdrawal_EndsTheConsent_AndANewGrantStartsOver()
    {
        var history = new[] { Rec(ConsentAction.Granted, 0), Rec(ConsentAction.Withdrawn, 10) };
        var withdrawn = ConsentState.Derive(history, Newsletter, Work);
        withdrawn.Status.Should().Be(ConsentStatus.Withdrawn);
        withdrawn.WithdrawnAt.Should().Be(T0 + Duration.FromMinutes(10));

        var regranted = ConsentState.Derive([.. history, Rec(ConsentAction.Granted, 20, awaits: true)], Newsletter, Work);
        regranted.Status.Should().Be(ConsentStatus.AwaitingConfirmation);
        regranted.ConfirmedAt.Should().BeNull();
    }

    [Fact]
    public void ConfirmationWithoutPendingGrant_ChangesNothing()
        => ConsentState.Derive([Rec(ConsentAction.Confirmed, 0)], Newsletter, Work).Status.Should().Be(ConsentStatus.NotGiven);

    [Fact]
    public void StatesAreKeptPerAddress()
    {
        var states = ConsentState.DeriveAll([Rec(ConsentAction.Granted, 0), Rec(ConsentAction.Granted, 1, address: ConsentAddress.Any), Rec(ConsentAction.Withdrawn, 2)]);
        states.Should().HaveCount(2);
        states[0].Address.Should().Be(Work);
        states[0].Status.Should().Be(ConsentStatus.Withdrawn);
        states[1].Address.Should().Be(ConsentAddress.Any);
        states[1].Status.Should().Be(ConsentStatus.Granted);
    }

    [Fact]
    public void Record_RejectsBadInput()
    {
        FluentActions.Invoking(() => new ConsentRecord(default, Work, ConsentAction.Granted, LawfulBasis.Consent, T0, "s")).Should().Throw<ArgumentException>().WithMessage("*Purpose*");
        FluentActions.Invoking(() => new ConsentRecord(Newsletter, Work, ConsentAction.Granted, LawfulBasis.Consent, T0, " ")).Should().Throw<ArgumentException>().WithMessage("ConsentRecord.Source*");
        FluentActions.Invoking(() => new ConsentRecord(Newsletter, Work, ConsentAction.Withdrawn, LawfulBasis.Consent, T0, "s", awaitsConfirmation: true)).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => new ConsentRecord(Newsletter, Work, ConsentAction.Granted, (LawfulBasis)42, T0, "s")).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Theory]
    [InlineData("")]
    [InlineData("news letter")]
    [InlineData("news/letter")]
    public void Purpose_BadCode_IsRejected(string code)
        => FluentActions.Invoking(() => new ConsentPurpose(code)).Should().Throw<ArgumentException>().WithMessage("ConsentPurpose*");

    [Fact]
    public void Purpose_IsLowerCased_AndAddressUsesNormalizedForms()
    {
        new ConsentPurpose("SMS-Offers").Code.Should().Be("sms-offers");
        ConsentAddress.ForEmail(EmailAddress.Parse("ANN@Work.Example")).Should().Be(Work);
        ConsentAddress.ForPhone(PhoneNumber.Parse("020 7946 0018", "GB")).Value.Should().Be("+442079460018");
        FluentActions.Invoking(() => ConsentAddress.ForEmail(default)).Should().Throw<ArgumentException>();
    }
}
