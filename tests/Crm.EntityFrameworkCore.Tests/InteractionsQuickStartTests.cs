using Crm.Interactions;
using Crm.Interactions.Events;
using Crm.Interactions.Feedback;
using Crm.Interactions.Purchases;
using Crm.Interactions.Storage;
using Crm.Interactions.Support;
using Crm.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.EntityFrameworkCore.Tests;

/// <summary>Issue 10's "done when" on a SQLite file: a host records a contact's purchase, call and case, sees the single timeline, and receives a detractor alert.</summary>
public sealed class InteractionsQuickStartTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"crm-interactions-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }

    [Fact]
    public async Task A_host_records_a_purchase_a_call_and_a_case_sees_one_timeline_and_receives_a_detractor_alert()
    {
        var alerts = new List<DetractorAlert>();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(alerts);
        services.AddDbContext<CrmDbContext>(o => o.UseSqlite($"Data Source={_file}"));
        services.AddCrm(o => o.EnableBackgroundDispatch = false).AddContacts().AddInteractions().UseEntityFrameworkCore<CrmDbContext>()
            .AddEventListener<DetractorAlert, AlertListener>();
        await using var provider = services.BuildServiceProvider();
        var tenant = new TenantId("acme");
        var ada = ContactId.New();
        await using (var scope = provider.CreateAsyncScope())
        {
            await CrmSchema.EnsureCreatedAsync(scope.ServiceProvider.GetRequiredService<CrmDbContext>());
            scope.ServiceProvider.GetRequiredService<IInteractionStore>().Should().BeOfType<Crm.EntityFrameworkCore.Interactions.EfInteractionStore<CrmDbContext>>();
            await scope.ServiceProvider.GetRequiredService<PurchaseManager>().RecordPurchaseAsync(tenant, new PurchaseDraft { ContactId = ada, Amount = new Money(59m, new CurrencyCode("EUR")), IdempotencyKey = "order-1" });
            await scope.ServiceProvider.GetRequiredService<InteractionManager>().RecordAsync(tenant, new InteractionDraft { ContactId = ada, Kind = InteractionKind.Call, Channel = InteractionChannel.Phone, Direction = InteractionDirection.Inbound });
            var opened = await scope.ServiceProvider.GetRequiredService<SupportCaseManager>().OpenAsync(tenant, new CaseDraft { ContactId = ada, Subject = "Parcel missing" });
            await scope.ServiceProvider.GetRequiredService<FeedbackManager>().RecordAsync(tenant, new FeedbackDraft { ContactId = ada, Survey = FeedbackSurvey.Nps, Score = 3, Case = opened.Id });

            var timeline = await scope.ServiceProvider.GetRequiredService<InteractionManager>().GetTimelineAsync(tenant, ada);
            timeline.Items.Select(static i => i.Kind).Should().Equal(InteractionKind.Feedback, InteractionKind.CaseEvent, InteractionKind.Call, InteractionKind.Purchase);
            opened.TrackingCode.Should().Be("Case-1");
        }

        var dispatched = await provider.GetRequiredService<OutboxDispatcher>().DispatchPendingAsync();

        dispatched.Delivered.Should().BeGreaterThan(0);
        alerts.Should().ContainSingle().Which.Score.Should().Be(3);
    }

    private sealed class AlertListener(List<DetractorAlert> alerts) : Crm.Events.ICrmEventListener<DetractorAlert>
    {
        public ValueTask HandleAsync(DetractorAlert domainEvent, CancellationToken cancellationToken)
        {
            lock (alerts)
            {
                alerts.Add(domainEvent);
            }

            return ValueTask.CompletedTask;
        }
    }
}
