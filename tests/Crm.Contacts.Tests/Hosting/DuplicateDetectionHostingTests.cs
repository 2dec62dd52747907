using Crm.Contacts.Duplicates;
using Crm.Contacts.Import;
using Crm.Contacts.Merging;
using Crm.Contacts.Storage;
using Crm.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

using static Crm.Contacts.Tests.TestSupport.TestHost;

namespace Crm.Contacts.Tests.Hosting;

public sealed class DuplicateDetectionHostingTests
{
    [Fact]
    public async Task AddContacts_RegistersDetectorImporterAndMerger_AndCreateRejectsDuplicates()
    {
        using var provider = Build(s => s.AddCrm().AddContacts(o =>
        {
            o.EnableReferrals = false;
            o.Duplicates.Enabled = true;
            o.Duplicates.OnCreate = DuplicateCreateAction.Reject;
        }));
        Start(provider);
        using var scope = provider.CreateScope();
        scope.ServiceProvider.GetRequiredService<ContactImporter>().Should().NotBeNull();
        scope.ServiceProvider.GetRequiredService<ContactMerger>().Should().NotBeNull();
        var manager = scope.ServiceProvider.GetRequiredService<ContactManager>();
        var tenant = new TenantId("t");
        await manager.CreateAsync(tenant, new ContactDraft { Emails = ["ann@example.com"] });

        var act = () => manager.CreateAsync(tenant, new ContactDraft { Emails = ["Ann@Example.com"] });

        await act.Should().ThrowAsync<DuplicateContactException>();
    }

    [Fact]
    public void Enabled_WithAStoreWithoutTheIndex_FailsAtStart_WithAClearMessage()
    {
        using var provider = Build(s =>
        {
            s.AddSingleton<IContactStore, PlainStore>();
            s.AddCrm().AddContacts(o =>
            {
                o.EnableReferrals = false;
                o.Duplicates.Enabled = true;
            });
        });

        var act = () => Start(provider);

        act.Should().Throw<OptionsValidationException>().WithMessage("*Duplicates.Enabled is true, but the registered IContactStore*PlainStore*does not implement IContactDuplicateIndex*");
    }

    [Fact]
    public void Disabled_WithAStoreWithoutTheIndex_Starts()
    {
        using var provider = Build(s =>
        {
            s.AddSingleton<IContactStore, PlainStore>();
            s.AddCrm().AddContacts(o => o.EnableReferrals = false);
        });

        Start(provider);
    }

    [Fact]
    public void BadDuplicateOptions_FailAtStart_NamingEachRule()
    {
        using var provider = Build(s => s.AddCrm().AddContacts(o =>
        {
            o.EnableReferrals = false;
            o.Duplicates.Enabled = true;
            o.Duplicates.Rules = [];
            o.Duplicates.MaxCandidatesPerKey = 0;
            o.Duplicates.OnCreate = (DuplicateCreateAction)9;
        }));

        var act = () => Start(provider);

        var ex = act.Should().Throw<OptionsValidationException>().Which;
        ex.Failures.Should().Contain(f => f.StartsWith("ContactOptions.Duplicates.Rules must contain at least one rule", StringComparison.Ordinal))
            .And.Contain(f => f.StartsWith("ContactOptions.Duplicates.MaxCandidatesPerKey must be between 1 and 1000 (was 0)", StringComparison.Ordinal))
            .And.Contain(f => f.StartsWith("ContactOptions.Duplicates.OnCreate must be a defined", StringComparison.Ordinal));
    }

    [Fact]
    public void NullRule_OrNullRuleSet_FailAtStart()
    {
        using var nullRule = Build(s => s.AddCrm().AddContacts(o =>
        {
            o.EnableReferrals = false;
            o.Duplicates.Rules = [new DuplicateRule(DuplicateCriterion.Email), null!];
        }));
        using var nullSet = Build(s => s.AddCrm().AddContacts(o =>
        {
            o.EnableReferrals = false;
            o.Duplicates.Rules = null!;
        }));

        FluentActions.Invoking(() => Start(nullRule)).Should().Throw<OptionsValidationException>().WithMessage("*Duplicates.Rules[1] must not be null*");
        FluentActions.Invoking(() => Start(nullSet)).Should().Throw<OptionsValidationException>().WithMessage("*Duplicates.Rules must not be null*");
    }

    [Fact]
    public void EmptyRuleSet_IsFine_WhenDisabled()
    {
        using var provider = Build(s => s.AddCrm().AddContacts(o =>
        {
            o.EnableReferrals = false;
            o.Duplicates.Rules = [];
        }));

        Start(provider);
    }

    private sealed class PlainStore : IContactStore, TestSupport.IForwardsOutbox
    {
        public Crm.InMemory.InMemoryOutbox Outbox { get; } = new();

        public ValueTask<Contact?> FindByIdAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken) => ValueTask.FromResult<Contact?>(null);

        public ValueTask<Page<Contact>> ListAsync(TenantId tenantId, PageRequest page, CancellationToken cancellationToken) => ValueTask.FromResult(new Page<Contact>([], null));

        public ValueTask<ContactId?> FindIdByIdempotencyKeyAsync(TenantId tenantId, string key, CancellationToken cancellationToken) => ValueTask.FromResult<ContactId?>(null);

        public ValueTask SaveAsync(TenantId tenantId, ContactChangeSet changes, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
