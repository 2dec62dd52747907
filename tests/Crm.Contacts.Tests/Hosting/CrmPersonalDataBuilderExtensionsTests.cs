using Crm.Contacts.Privacy;
using Crm.Contacts.Tests.TestSupport;
using Crm.Privacy;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Contacts.Tests.Hosting;

public sealed class CrmPersonalDataBuilderExtensionsTests
{
    private static ServiceProvider Build(Action<CrmBuilder> configure)
        => TestHost.Build(services => configure(services.AddCrm().AddContacts(o => o.EnableReferrals = false)));

    [Fact]
    public void AddContacts_RegistersThePersonalDataManager_WithTheContactsContributor_Once()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddCrm().AddContacts().AddContacts();
        services.Count(d => d.ServiceType == typeof(IPersonalDataContributor)).Should().Be(1);

        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        using var scope = provider.CreateScope();
        scope.ServiceProvider.GetRequiredService<PersonalDataManager>().ContributorNames.Should().Equal("contacts");
    }

    [Fact]
    public async Task AHostContributor_IsCalledForExportAndErasure()
    {
        using var provider = Build(b => b.AddPersonalDataContributor<HostContributor>().AddPersonalDataContributor<HostContributor>());
        var tenant = new TenantId("t");
        Contact contact;
        using (var scope = provider.CreateScope())
        {
            contact = await scope.ServiceProvider.GetRequiredService<ContactManager>().CreateAsync(tenant, new ContactDraft { Emails = ["a@example.com"] });
        }

        using (var scope = provider.CreateScope())
        {
            var manager = scope.ServiceProvider.GetRequiredService<PersonalDataManager>();
            manager.ContributorNames.Should().Equal("contacts", "host");
            var export = await manager.ExportAsync(tenant, contact.Id);
            export.Sections["host"]!.Value.GetProperty("contactId").GetString().Should().Be(contact.Id.ToString());

            var report = await manager.EraseAsync(tenant, contact.Id);
            report.Contributors.Select(c => c.Name).Should().Equal("contacts", "host");
            report.Contributors[1].ErasedItems.Should().Equal("host.notes");
            var host = scope.ServiceProvider.GetServices<IPersonalDataContributor>().OfType<HostContributor>().Single();
            host.Calls.Should().Equal("export", "erase");
        }
    }

    [Fact]
    public void AddPersonalDataContributor_WithNullBuilder_Throws()
        => FluentActions.Invoking(() => CrmPersonalDataBuilderExtensions.AddPersonalDataContributor<HostContributor>(null!)).Should().Throw<ArgumentNullException>();

    private sealed class HostContributor : IPersonalDataContributor
    {
        public List<string> Calls { get; } = [];

        public string Name => "host";

        public ValueTask<System.Text.Json.JsonElement?> ExportAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken)
        {
            Calls.Add("export");
            return ValueTask.FromResult<System.Text.Json.JsonElement?>(System.Text.Json.JsonSerializer.SerializeToElement(
                new Dictionary<string, string> { ["contactId"] = contactId.ToString() }, HostJson.Default.DictionaryStringString));
        }

        public ValueTask<PersonalDataEraseResult> EraseAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken)
        {
            Calls.Add("erase");
            return ValueTask.FromResult(new PersonalDataEraseResult(["host.notes"]));
        }
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class HostJson : System.Text.Json.Serialization.JsonSerializerContext;
