using Crm.Contacts.Acquisition;
using Crm.Contacts.Attributes;
using Crm.Contacts.Consent;
using Crm.Contacts.Lifecycle;
using Crm.Contacts.Privacy;
using Crm.Contacts.Profile;
using Crm.Contacts.Serialization;
using Crm.Contacts.Tests.TestSupport;
using Crm.Storage;
using FsCheck.Xunit;
using NodaTime;
using static Crm.Contacts.Tests.TestSupport.ContactsHarness;

namespace Crm.Contacts.Tests.Serialization;

/// <summary>Any contact the managers can produce round-trips through <see cref="ContactSerializer"/> exactly.</summary>
public sealed class ContactSerializerProperties
{
    private static readonly string[] EmailPool = ["a@example.com", "B.Two@Example.COM", "tag+x@bücher.example", "c@d.example"];
    private static readonly string[] PhonePool = ["+44 20 7946 0018", "020 7946 0991", "+1 650-253-0000 ext. 7", "+33 1 42 68 53 00"];
    private static readonly string[] ZonePool = ["Europe/London", "America/New_York", "Asia/Kathmandu", "UTC"];
    private static readonly string[] LanguagePool = ["en", "pt-BR", "zh-Hant-TW", "de-CH"];
    private static readonly string[] TagPool = ["VIP", "vip", "Late payer", "Ünïcode"];
    private static readonly ConsentPurpose[] Purposes = [new("newsletter"), new("sms-offers")];
    private static readonly LifecycleStage[] Stages = Enum.GetValues<LifecycleStage>();

    [Property(MaxTest = 60)]
    public void Random_contacts_with_random_edits_round_trip_exactly(byte[] operations, bool erase)
    {
        var h = new PrivacyHarness();
        var c = h.Manager.CreateAsync(TenantA, new ContactDraft { Emails = ["first@example.com"] }).GetAwaiter().GetResult();
        for (var i = 0; i + 1 < operations.Length; i += 2)
        {
            c = Apply(h, c, operations[i], operations[i + 1]);
        }

        if (erase)
        {
            h.Privacy.EraseAsync(TenantA, c.Id).GetAwaiter().GetResult();
            c = h.Store.FindByIdAsync(TenantA, c.Id, CancellationToken.None).AsTask().GetAwaiter().GetResult()!;
        }

        var back = ContactSerializer.Deserialize(ContactSerializer.SerializeToUtf8Bytes(c));

        ContactSerializerTests.ShouldBeSameSnapshot(back, c);
        ContactSerializer.SerializeToUtf8Bytes(back).Should().Equal(ContactSerializer.SerializeToUtf8Bytes(c));
    }

    private static Contact Apply(PrivacyHarness h, Contact c, byte op, byte arg)
    {
        try
        {
            return (op % 16) switch
            {
                0 => Edit(h, c, e => e.AddEmail(EmailPool[arg % EmailPool.Length], makePrimary: arg % 2 == 0)),
                1 when c.Emails.Count > 0 => Edit(h, c, e => e.RemoveEmail(c.Emails[arg % c.Emails.Count])),
                1 => c,
                2 => Edit(h, c, e => e.AddPhoneNumber(PhonePool[arg % PhonePool.Length], makePrimary: arg % 2 == 0)),
                3 => Edit(h, c, e => e.SetName(arg % 3 == 0 ? null : new PersonName($"Name {arg}", arg % 2 == 0 ? "Given" : null, "Family", arg % 5 == 0 ? "Family, Given" : null))),
                4 => Edit(h, c, e => e.SetBirthday(arg % 4 == 0 ? null : new Birthday((arg % 12) + 1, (arg % 28) + 1, arg % 3 == 0 ? null : 1950 + arg))),
                5 => Edit(h, c, e => e.SetBirthplace(arg % 3 == 0 ? null : $"Town {arg}")),
                6 => Edit(h, c, e => e.SetPreferredLanguage(arg % 5 == 0 ? null : LanguagePool[arg % LanguagePool.Length])),
                7 => Edit(h, c, e => e.SetTimeZone(arg % 5 == 0 ? null : ZonePool[arg % ZonePool.Length])),
                8 => Edit(h, c, e => e.AddTag(TagPool[arg % TagPool.Length])),
                9 => Edit(h, c, e => e.RemoveTag(TagPool[arg % TagPool.Length])),
                10 => Edit(h, c, e => e.SetAttribute($"attr{arg % 6}", Attribute(arg))),
                11 => Edit(h, c, e => e.SetAcquisition(arg % 3 == 0 ? null : new AcquisitionSource("Google", arg % 2 == 0 ? "CPC" : null, $"c{arg}", arg % 4 == 0 ? "detail" : null))),
                12 => h.Manager.GrantConsentAsync(TenantA, c.Id, c.ConcurrencyStamp, Purposes[arg % 2], Address(c, arg), (LawfulBasis)(arg % Enum.GetValues<LawfulBasis>().Length), $"src-{arg}").GetAwaiter().GetResult(),
                13 => h.Manager.WithdrawConsentAsync(TenantA, c.Id, c.ConcurrencyStamp, Purposes[arg % 2], Address(c, arg), $"stop-{arg}").GetAwaiter().GetResult(),
                14 => Stage(h, c, Stages[arg % Stages.Length], arg),
                _ => Edit(h, c, e => e.RemoveAttribute($"attr{arg % 6}")),
            };
        }
        catch (Exception ex) when (ex is ArgumentException or CrmException or InvalidOperationException)
        {
            // Not every random edit is legal in every state (e.g. a forbidden stage move); the contact stays as it was.
            return h.Store.FindByIdAsync(TenantA, c.Id, CancellationToken.None).AsTask().GetAwaiter().GetResult()!;
        }
        finally
        {
            h.Contacts.Clock.Advance(Duration.FromMinutes(arg + 1));
        }
    }

    private static Contact Edit(PrivacyHarness h, Contact c, Action<ContactEditor> edit)
        => h.Manager.UpdateAsync(TenantA, c.Id, c.ConcurrencyStamp, edit).GetAwaiter().GetResult();

    private static Contact Stage(PrivacyHarness h, Contact c, LifecycleStage stage, byte arg)
        => h.Manager.ChangeStageAsync(TenantA, c.Id, c.ConcurrencyStamp, stage, stage == LifecycleStage.Churned ? new ChurnReason("price", arg % 2 == 0 ? null : "too dear") : null)
            .GetAwaiter().GetResult();

    private static ConsentAddress Address(Contact c, byte arg) => (arg % 3) switch
    {
        0 when c.Emails.Count > 0 => ConsentAddress.ForEmail(c.Emails[arg % c.Emails.Count]),
        1 when c.PhoneNumbers.Count > 0 => ConsentAddress.ForPhone(c.PhoneNumbers[arg % c.PhoneNumbers.Count]),
        _ => ConsentAddress.Any,
    };

    private static CustomAttributeValue Attribute(byte arg) => (arg % 5) switch
    {
        0 => CustomAttributeValue.Text($"text {arg}\nline two"),
        1 => CustomAttributeValue.Number(arg / 7m),
        2 => CustomAttributeValue.Boolean(arg % 2 == 0),
        3 => CustomAttributeValue.Date(new LocalDate(2000, 1, 1).PlusDays(arg)),
        _ => CustomAttributeValue.Money(new Money(arg * 1.10m, new CurrencyCode(arg % 2 == 0 ? "EUR" : "JPY"))),
    };
}
