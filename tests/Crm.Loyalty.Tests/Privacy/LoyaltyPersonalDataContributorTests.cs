using Crm.Contacts;
using Crm.Contacts.Privacy;
using Crm.Loyalty.Ledger;
using Microsoft.Extensions.DependencyInjection;

using static Crm.Loyalty.Tests.TestSupport.Programs;
using static Crm.Loyalty.Tests.TestSupport.TestHost;

namespace Crm.Loyalty.Tests.Privacy;

public sealed class LoyaltyPersonalDataContributorTests
{
    [Fact]
    public async Task Export_holds_the_ledger_and_erasure_keeps_it_reconciling()
    {
        using var provider = Build(s => s.AddCrm().AddContacts().AddLoyalty(o => o.Program = Basic()));
        Start(provider);
        using var scope = provider.CreateScope();
        var contacts = scope.ServiceProvider.GetRequiredService<ContactManager>();
        var loyalty = scope.ServiceProvider.GetRequiredService<LoyaltyManager>();
        var privacy = scope.ServiceProvider.GetRequiredService<PersonalDataManager>();
        var tenant = new TenantId("t");
        var ada = await contacts.CreateAsync(tenant, new ContactDraft { Emails = ["ada@example.com"] });
        var now = provider.GetRequiredService<NodaTime.IClock>().GetCurrentInstant();
        await loyalty.AccruePurchaseAsync(tenant, ada.Id, OneLine(25m, now));
        await loyalty.AdjustAsync(tenant, ada.Id, 5, "goodwill", new IdempotencyKey("adj-1"));

        var export = await privacy.ExportAsync(tenant, ada.Id);
        var report = await privacy.EraseAsync(tenant, ada.Id);

        var section = export.Sections["loyalty"]!.Value;
        section.GetProperty("total").GetInt64().Should().Be(30);
        section.GetProperty("entries").GetArrayLength().Should().Be(2);
        section.GetProperty("entries")[1].GetProperty("reason").GetString().Should().Be("goodwill");
        section.GetProperty("lots")[0].GetProperty("expiresAt").GetString().Should().NotBeNullOrEmpty();
        report.IsComplete.Should().BeTrue();
        (await loyalty.GetBalanceAsync(tenant, ada.Id)).Total.Should().Be(30, "the ledger is kept and still reconciles");
    }

    [Fact]
    public async Task A_member_without_a_ledger_has_no_loyalty_section()
    {
        using var provider = Build(s => s.AddCrm().AddContacts().AddLoyalty(o => o.Program = Basic()));
        using var scope = provider.CreateScope();
        var contributor = scope.ServiceProvider.GetServices<Crm.Privacy.IPersonalDataContributor>().Single(c => c.Name == "loyalty");

        (await contributor.ExportAsync(new TenantId("t"), ContactId.New(), CancellationToken.None)).Should().BeNull();
    }

    [Theory]
    [InlineData("said she was unhappy")]
    [InlineData("")]
    public async Task Adjustment_reason_must_be_a_code_not_free_text(string reason)
    {
        var manager = Manager(Basic());

        var act = () => manager.AdjustAsync(new TenantId("t"), ContactId.New(), 5, reason, new IdempotencyKey("k"));

        await act.Should().ThrowAsync<ArgumentException>().WithMessage("*code*");
    }
}
