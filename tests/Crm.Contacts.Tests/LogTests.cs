using System.Reflection;
using Crm.Contacts.Consent;
using Crm.Contacts.Lifecycle;
using Crm.Contacts.Profile;
using Crm.Contacts.Tests.TestSupport;
using Crm.Storage;
using Microsoft.Extensions.Logging;
using static Crm.Contacts.Tests.TestSupport.ContactsHarness;

namespace Crm.Contacts.Tests;

public sealed class LogTests
{
    [Fact]
    public async Task LogMessages_CarryIdsButNoPersonalData()
    {
        var h = new ContactsHarness();
        var draft = new ContactDraft
        {
            Name = new PersonName("Zelda Quartermaine", "Zelda", "Quartermaine"),
            Emails = ["zelda.q@private-mail.example"],
            PhoneNumbers = ["+44 20 7946 0991"],
            Birthplace = "Ulaanbaatar",
            IdempotencyKey = "k-1",
        };
        var c = await h.Manager.CreateAsync(TenantA, draft);
        await h.Manager.CreateAsync(TenantA, draft); // replay
        c = await h.Manager.UpdateAsync(TenantA, c.Id, c.ConcurrencyStamp, e => e.AddEmail("zelda.work@corp.example"));
        c = await h.Manager.ChangeStageAsync(TenantA, c.Id, c.ConcurrencyStamp, LifecycleStage.Customer);
        c = await h.Manager.ChangeStageAsync(TenantA, c.Id, c.ConcurrencyStamp, LifecycleStage.Churned, new ChurnReason("price", "Zelda Quartermaine said: too dear"));
        var address = ConsentAddress.ForEmail(EmailAddress.Parse("zelda.q@private-mail.example"));
        c = await h.Manager.GrantConsentAsync(TenantA, c.Id, c.ConcurrencyStamp, new ConsentPurpose("newsletter"), address, LawfulBasis.Consent, "web");
        await FluentActions.Awaiting(() => h.Manager.UpdateAsync(TenantA, c.Id, Crm.Storage.ConcurrencyStamp.New(), e => e.AddTag("x"))).Should().ThrowAsync<ConcurrencyConflictException>();
        await FluentActions.Awaiting(() => h.Manager.ChangeStageAsync(TenantA, c.Id, c.ConcurrencyStamp, LifecycleStage.Lead)).Should().ThrowAsync<IllegalLifecycleTransitionException>();

        var records = h.Logger.Collector.GetSnapshot();
        records.Select(r => r.Id.Id).Should().Contain([
            ContactsEventIds.ContactCreated, ContactsEventIds.IdempotentCreateReplayed, ContactsEventIds.ContactUpdated,
            ContactsEventIds.LifecycleStageChanged, ContactsEventIds.ConsentRecorded, ContactsEventIds.ConcurrencyConflict,
            ContactsEventIds.IllegalLifecycleTransition,
        ]);
        string[] personal = ["Zelda", "Quartermaine", "zelda", "private-mail", "corp.example", "7946", "+4420", "Ulaanbaatar", "too dear"];
        foreach (var record in records)
        {
            record.Message.Should().Contain(c.Id.ToString());
            foreach (var value in personal)
            {
                record.Message.Should().NotContain(value);
                (record.StructuredState ?? []).Should().NotContain(kv => kv.Value != null && kv.Value.Contains(value, StringComparison.Ordinal));
            }
        }

        records.Should().Contain(r => r.Id.Id == ContactsEventIds.ContactUpdated && r.Message.Contains("Emails", StringComparison.Ordinal));
    }

    [Fact]
    public void EventIds_AreUniqueConstantsInTheContactsRange()
    {
        var ids = typeof(ContactsEventIds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (int)f.GetRawConstantValue()!).ToList();
        ids.Should().OnlyHaveUniqueItems();
        ids.Should().OnlyContain(id => id >= 1000 && id <= 1999);
    }

    [Fact]
    public void EveryLogMethod_UsesAPublishedEventId()
    {
        var published = typeof(ContactsEventIds).GetFields().Select(f => (int)f.GetRawConstantValue()!).ToHashSet();
        var used = typeof(ContactManager).Assembly.GetType("Crm.Contacts.Log")!
            .GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Select(m => m.GetCustomAttribute<LoggerMessageAttribute>())
            .Where(a => a is not null)
            .Select(a => a!.EventId)
            .ToList();
        used.Should().NotBeEmpty();
        used.Should().OnlyContain(id => published.Contains(id));
    }
}
