using Crm.Contacts.Attributes;
using Crm.Contacts.Consent;
using Crm.Contacts.InMemory;
using Crm.Contacts.Lifecycle;
using Crm.Contacts.Privacy;
using Crm.Contacts.Profile;
using Crm.Contacts.Referrals;
using Crm.Contacts.Storage;
using Crm.Privacy;
using Crm.Storage;
using Microsoft.Extensions.Logging.Testing;
using NodaTime;

namespace Crm.Contacts.Tests.TestSupport;

/// <summary>A contacts harness over a referral-capable store, plus a <see cref="PersonalDataManager"/> with optional extra contributors.</summary>
internal sealed class PrivacyHarness
{
    public PrivacyHarness(params IPersonalDataContributor[] extraContributors)
    {
        Store = new InMemoryContactStore();
        Contacts = new ContactsHarness(store: Store);
        ContactsContributor = new ContactPersonalDataContributor(Store, Contacts.Clock);
        Privacy = new PersonalDataManager([ContactsContributor, .. extraContributors], Contacts.Clock, Contacts.Store, Contacts.EventIds, Logger);
    }

    public InMemoryContactStore Store { get; }

    public ContactsHarness Contacts { get; }

    public ContactManager Manager => Contacts.Manager;

    public ContactPersonalDataContributor ContactsContributor { get; }

    public PersonalDataManager Privacy { get; }

    public FakeLogger<PersonalDataManager> Logger { get; } = new();

    public static readonly ConsentPurpose Newsletter = new("newsletter");

    public static readonly ConsentPurpose SmsOffers = new("sms-offers");

    /// <summary>A contact with every field set: two emails, two phones, birthday with year, tags, one attribute of each kind, consents, a churn with a note.</summary>
    public async Task<Contact> CreateRichAsync(TenantId tenant)
    {
        var draft = new ContactDraft
        {
            Origin = Crm.Contacts.Acquisition.RecordOrigin.Import,
            Acquisition = new Crm.Contacts.Acquisition.AcquisitionSource("google", "cpc", "spring-sale", "kw:zelda quartermaine"),
            Name = new PersonName("Zelda Quartermaine", "Zelda", "Quartermaine", "Quartermaine, Zelda"),
            Emails = ["Zelda.Q@Private-Mail.example", "zelda.work@corp.example"],
            PhoneNumbers = ["+44 20 7946 0991", "+44 20 7946 0992 ext. 12"],
            Birthday = new Birthday(3, 14, 1990),
            Birthplace = "Ulaanbaatar",
            PreferredLanguage = "pt-BR",
            TimeZoneId = "Europe/Paris",
            Tags = ["VIP", "Wheelchair user"],
            Attributes = new Dictionary<string, CustomAttributeValue>
            {
                ["allergy"] = CustomAttributeValue.Text("Peanuts, severe"),
                ["shoeSize"] = CustomAttributeValue.Number(38.5m),
                ["member"] = CustomAttributeValue.Boolean(true),
                ["weddingDay"] = CustomAttributeValue.Date(new LocalDate(2015, 6, 20)),
                ["creditLimit"] = CustomAttributeValue.Money(new Money(1250.75m, new CurrencyCode("EUR"))),
            },
        };
        var c = await Manager.CreateAsync(tenant, draft);
        var email = ConsentAddress.ForEmail(c.Emails[0]);
        var phone = ConsentAddress.ForPhone(c.PhoneNumbers[0]);
        c = await Manager.GrantConsentAsync(tenant, c.Id, c.ConcurrencyStamp, Newsletter, email, LawfulBasis.Consent, "web:signup-form:v3");
        c = await Manager.ConfirmConsentAsync(tenant, c.Id, c.ConcurrencyStamp, Newsletter, email, "doi-email:4f2a");
        c = await Manager.GrantConsentAsync(tenant, c.Id, c.ConcurrencyStamp, SmsOffers, phone, LawfulBasis.LegitimateInterests, "checkout:order-77");
        c = await Manager.WithdrawConsentAsync(tenant, c.Id, c.ConcurrencyStamp, SmsOffers, phone, "sms-stop");
        c = await Manager.ChangeStageAsync(tenant, c.Id, c.ConcurrencyStamp, LifecycleStage.Customer);
        c = await Manager.ChangeStageAsync(tenant, c.Id, c.ConcurrencyStamp, LifecycleStage.Churned, new ChurnReason("price", "Zelda said: far too dear"));
        return c;
    }

    /// <summary>Records <paramref name="referrer"/> referring <paramref name="referee"/>.</summary>
    public async Task<Referral> ReferAsync(TenantId tenant, ContactId referee, ContactId referrer, ReferralRequestId? requestId = null)
    {
        var version = await Store.GetGraphVersionAsync(tenant, CancellationToken.None);
        var referral = new Referral(referee, referrer, Contacts.Clock.GetCurrentInstant(), requestId);
        await Store.SaveAsync(tenant, new ContactChangeSet { ReferralsAdded = [referral], VersionChecks = [ContactChangeSet.ReferralGraphCheck(version)] }, CancellationToken.None);
        return referral;
    }

    /// <summary>Records a referral request made to <paramref name="contactId"/>, answered Accepted.</summary>
    public async Task<ReferralRequest> AskForReferralAsync(TenantId tenant, ContactId contactId)
    {
        var asked = Contacts.Clock.GetCurrentInstant();
        var request = new ReferralRequest(ReferralRequestId.New(), contactId, asked, "email", ReferralRequestOutcome.Accepted, asked + Duration.FromHours(2), ConcurrencyStamp.New());
        await Store.SaveAsync(tenant, new ContactChangeSet { ReferralRequestsCreated = [request] }, CancellationToken.None);
        return request;
    }
}

/// <summary>A host contributor that records its calls and can be told to fail.</summary>
internal sealed class RecordingContributor(string name = "shop") : IPersonalDataContributor
{
    public List<(string Call, TenantId Tenant, ContactId Contact)> Calls { get; } = [];

    public Exception? FailErase { get; set; }

    public string Name { get; } = name;

    public ValueTask<System.Text.Json.JsonElement?> ExportAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken)
    {
        Calls.Add(("export", tenantId, contactId));
        using var doc = System.Text.Json.JsonDocument.Parse("""{"orders":[{"id":"o-1","shippingCity":"Ulaanbaatar"}]}""");
        return ValueTask.FromResult<System.Text.Json.JsonElement?>(doc.RootElement.Clone());
    }

    public ValueTask<PersonalDataEraseResult> EraseAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken)
    {
        Calls.Add(("erase", tenantId, contactId));
        return FailErase is { } ex ? ValueTask.FromException<PersonalDataEraseResult>(ex) : ValueTask.FromResult(new PersonalDataEraseResult(["orders.shippingAddress"]));
    }
}
