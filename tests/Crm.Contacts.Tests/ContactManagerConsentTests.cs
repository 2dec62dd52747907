using Crm.Contacts.Consent;
using Crm.Contacts.Events;
using Crm.Contacts.Profile;
using Crm.Contacts.Tests.TestSupport;
using Crm.Storage;
using static Crm.Contacts.Tests.TestSupport.ContactsHarness;

namespace Crm.Contacts.Tests;

public sealed class ContactManagerConsentTests
{
    private static readonly ConsentPurpose Newsletter = new("newsletter");
    private static readonly ConsentAddress AnnEmail = ConsentAddress.ForEmail(EmailAddress.Parse("ann.lee@example.com"));

    [Fact]
    public async Task DoubleOptIn_GrantAwaitsConfirmation_ThenConfirmGrants()
    {
        var h = new ContactsHarness();
        var c = await h.CreateAsync();

        c = await h.Manager.GrantConsentAsync(TenantA, c.Id, c.ConcurrencyStamp, Newsletter, AnnEmail, LawfulBasis.Consent, "web:signup-form");
        c.GetConsent(Newsletter, AnnEmail).Status.Should().Be(ConsentStatus.AwaitingConfirmation);
        c.IsConsentGiven(Newsletter, AnnEmail).Should().BeFalse();

        c = await h.Manager.ConfirmConsentAsync(TenantA, c.Id, c.ConcurrencyStamp, Newsletter, AnnEmail, "doi-email:abc123");
        var state = c.GetConsent(Newsletter, AnnEmail);
        state.IsGiven.Should().BeTrue();
        state.ConfirmationSource.Should().Be("doi-email:abc123");
        (state.ConfirmedAt > state.GrantedAt).Should().BeTrue();

        h.Events.OfType<ConsentChanged>().Select(e => (e.Action, e.Status)).Should().Equal(
            (ConsentAction.Granted, ConsentStatus.AwaitingConfirmation),
            (ConsentAction.Confirmed, ConsentStatus.Granted));
    }

    [Fact]
    public async Task Withdrawal_IsAppended_AndHistoryStaysProvable()
    {
        var h = new ContactsHarness(o => o.RequireDoubleOptIn = false);
        var c = await h.CreateAsync();
        c = await h.Manager.GrantConsentAsync(TenantA, c.Id, c.ConcurrencyStamp, Newsletter, AnnEmail, LawfulBasis.Consent, "web:form");
        c.IsConsentGiven(Newsletter, AnnEmail).Should().BeTrue("no confirmation is required");

        c = await h.Manager.WithdrawConsentAsync(TenantA, c.Id, c.ConcurrencyStamp, Newsletter, AnnEmail, "unsubscribe-link");

        c.IsConsentGiven(Newsletter, AnnEmail).Should().BeFalse();
        c.ConsentHistory.Select(r => r.Action).Should().Equal(ConsentAction.Granted, ConsentAction.Withdrawn);
        c.ConsentHistory[1].Source.Should().Be("unsubscribe-link");
        (c.ConsentHistory[1].RecordedAt > c.ConsentHistory[0].RecordedAt).Should().BeTrue();
    }

    [Fact]
    public async Task OtherLawfulBases_NeedNoConfirmation()
    {
        var h = new ContactsHarness();
        var c = await h.CreateAsync();
        c = await h.Manager.GrantConsentAsync(TenantA, c.Id, c.ConcurrencyStamp, Newsletter, ConsentAddress.Any, LawfulBasis.LegitimateInterests, "soft-opt-in:order-1");
        c.GetConsent(Newsletter, ConsentAddress.Any).Status.Should().Be(ConsentStatus.Granted);
        c.IsConsentGiven(Newsletter, AnnEmail).Should().BeTrue("a contact-wide consent covers an address with no history of its own");
    }

    [Fact]
    public async Task AddressSpecificWithdrawal_WinsOverContactWideGrant()
    {
        var h = new ContactsHarness();
        var c = await h.CreateAsync();
        c = await h.Manager.GrantConsentAsync(TenantA, c.Id, c.ConcurrencyStamp, Newsletter, ConsentAddress.Any, LawfulBasis.LegitimateInterests, "order");
        c = await h.Manager.WithdrawConsentAsync(TenantA, c.Id, c.ConcurrencyStamp, Newsletter, AnnEmail, "reply-stop");
        c.IsConsentGiven(Newsletter, AnnEmail).Should().BeFalse();
        c.IsConsentGiven(Newsletter, ConsentAddress.Any).Should().BeTrue();
    }

    [Fact]
    public async Task Confirm_WhenNothingPending_ThrowsAndRecordsNothing()
    {
        var h = new ContactsHarness();
        var c = await h.CreateAsync();
        var ex = (await FluentActions.Awaiting(() => h.Manager.ConfirmConsentAsync(TenantA, c.Id, c.ConcurrencyStamp, Newsletter, AnnEmail, "doi"))
            .Should().ThrowAsync<ConsentNotPendingException>()).Which;
        ex.Status.Should().Be(ConsentStatus.NotGiven);
        ex.Message.Should().NotContain("ann.lee");
        (await h.Manager.GetAsync(TenantA, c.Id)).ConsentHistory.Should().BeEmpty();
    }

    [Fact]
    public async Task Grant_ForAnAddressTheContactDoesNotHave_IsRejected()
    {
        var h = new ContactsHarness();
        var c = await h.CreateAsync();
        var stranger = ConsentAddress.ForEmail(EmailAddress.Parse("someone.else@example.com"));
        await FluentActions.Awaiting(() => h.Manager.GrantConsentAsync(TenantA, c.Id, c.ConcurrencyStamp, Newsletter, stranger, LawfulBasis.Consent, "web"))
            .Should().ThrowAsync<ArgumentException>().WithMessage("The Email consent address must be one of the contact's current addresses*");
        var phone = ConsentAddress.ForPhone(PhoneNumber.Parse("+44 20 7946 0018"));
        (await h.Manager.GrantConsentAsync(TenantA, c.Id, c.ConcurrencyStamp, new ConsentPurpose("sms"), phone, LawfulBasis.Consent, "web"))
            .ConsentHistory.Should().ContainSingle();
    }

    [Fact]
    public async Task BadConsentInput_IsRejected_BeforeAnyWrite()
    {
        var h = new ContactsHarness();
        var c = await h.CreateAsync();
        await FluentActions.Awaiting(() => h.Manager.GrantConsentAsync(TenantA, c.Id, c.ConcurrencyStamp, default, AnnEmail, LawfulBasis.Consent, "web"))
            .Should().ThrowAsync<ArgumentException>().WithMessage("ConsentPurpose must not be empty*");
        await FluentActions.Awaiting(() => h.Manager.GrantConsentAsync(TenantA, c.Id, c.ConcurrencyStamp, Newsletter, AnnEmail, LawfulBasis.Consent, " "))
            .Should().ThrowAsync<ArgumentException>().WithMessage("ConsentRecord.Source must not be empty*");
        await FluentActions.Awaiting(() => h.Manager.GrantConsentAsync(TenantA, c.Id, c.ConcurrencyStamp, Newsletter, AnnEmail, (LawfulBasis)9, "web"))
            .Should().ThrowAsync<ArgumentOutOfRangeException>();
        (await h.Manager.GetAsync(TenantA, c.Id)).ConcurrencyStamp.Should().Be(c.ConcurrencyStamp);
    }
}
