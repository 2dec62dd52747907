using Crm.Contacts.Storage;
using Crm.Interactions.Storage;
using Crm.Loyalty.Program;
using Crm.Loyalty.Storage;
using Crm.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Crm.EntityFrameworkCore.Tests.Storage;

/// <summary>The contacts, interactions and loyalty stores on one context are three views of the one <c>crm_outbox</c> table, and say so, so the dispatcher claims through one of them.</summary>
public sealed class SharedOutboxTests
{
    [Fact]
    public async Task The_stores_of_every_package_in_one_scope_report_one_outbox_and_another_scope_another()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDbContext<CrmDbContext>(o => o.UseSqlite("Data Source=:memory:"));
        services.AddCrm(o => o.EnableBackgroundDispatch = false)
            .AddContacts()
            .AddInteractions()
            .AddLoyalty(o => o.Program = new LoyaltyProgram("p", new CurrencyCode("EUR"), DateTimeZone.Utc) { Rounding = PointsRounding.Down, SpendRules = [new SpendRule("base", 1m)] })
            .UseEntityFrameworkCore<CrmDbContext>();
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });

        object first;
        await using (var scope = provider.CreateAsyncScope())
        {
            var views = new object[]
            {
                scope.ServiceProvider.GetRequiredService<IContactStore>(),
                scope.ServiceProvider.GetRequiredService<IInteractionStore>(),
                scope.ServiceProvider.GetRequiredService<ILoyaltyStore>(),
            };
            views.Should().AllBeAssignableTo<ISharedOutboxStore>();
            var identities = views.Cast<ISharedOutboxStore>().Select(v => v.OutboxIdentity).ToList();
            identities.Distinct().Should().ContainSingle("all three write to the scope's context");
            first = identities[0];
        }

        await using (var scope = provider.CreateAsyncScope())
        {
            ((ISharedOutboxStore)scope.ServiceProvider.GetRequiredService<IContactStore>()).OutboxIdentity.Should().NotBeSameAs(first, "another scope has another context");
        }
    }
}
