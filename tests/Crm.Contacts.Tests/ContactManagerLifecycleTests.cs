using Crm.Contacts.Events;
using Crm.Contacts.Lifecycle;
using Crm.Contacts.Tests.TestSupport;
using Crm.Storage;
using NodaTime;
using static Crm.Contacts.Tests.TestSupport.ContactsHarness;

namespace Crm.Contacts.Tests;

public sealed class ContactManagerLifecycleTests
{
    [Fact]
    public async Task ChangeStageAsync_RecordsEveryTransitionWithItsInstant()
    {
        var h = new ContactsHarness();
        h.Clock.AutoAdvance = Duration.Zero;
        var c = await h.CreateAsync();
        var t0 = h.Clock.GetCurrentInstant();

        h.Clock.Advance(Duration.FromDays(1));
        c = await h.Manager.ChangeStageAsync(TenantA, c.Id, c.ConcurrencyStamp, LifecycleStage.Customer);
        h.Clock.Advance(Duration.FromDays(30));
        c = await h.Manager.ChangeStageAsync(TenantA, c.Id, c.ConcurrencyStamp, LifecycleStage.Churned, new ChurnReason("price", "Customer said it is too expensive."));
        h.Clock.Advance(Duration.FromDays(60));
        c = await h.Manager.ChangeStageAsync(TenantA, c.Id, c.ConcurrencyStamp, LifecycleStage.Reactivated);
        h.Clock.Advance(Duration.FromDays(1));
        c = await h.Manager.ChangeStageAsync(TenantA, c.Id, c.ConcurrencyStamp, LifecycleStage.RepeatCustomer);

        c.Stage.Should().Be(LifecycleStage.RepeatCustomer);
        c.LifecycleHistory.Select(t => (t.From, t.To)).Should().Equal(
            (null, LifecycleStage.Lead),
            (LifecycleStage.Lead, LifecycleStage.Customer),
            (LifecycleStage.Customer, LifecycleStage.Churned),
            (LifecycleStage.Churned, LifecycleStage.Reactivated),
            (LifecycleStage.Reactivated, LifecycleStage.RepeatCustomer));
        c.EnteredStageAt(LifecycleStage.Lead).Should().Be(t0);
        c.EnteredStageAt(LifecycleStage.Customer).Should().Be(t0 + Duration.FromDays(1));
        c.EnteredStageAt(LifecycleStage.Churned).Should().Be(t0 + Duration.FromDays(31));
        c.EnteredStageAt(LifecycleStage.Advocate).Should().BeNull();
        c.LifecycleHistory[2].Reason!.Value.Code.Should().Be("price");
        (await h.Manager.GetAsync(TenantA, c.Id)).LifecycleHistory.Should().HaveCount(5);

        var events = h.Events.OfType<LifecycleStageChanged>().ToList();
        events.Should().HaveCount(4);
        events[1].ChurnReasonCode.Should().Be("price");
        events[1].From.Should().Be(LifecycleStage.Customer);
        events[1].To.Should().Be(LifecycleStage.Churned);
    }

    public static TheoryData<LifecycleStage, LifecycleStage> IllegalPairs()
    {
        var data = new TheoryData<LifecycleStage, LifecycleStage>();
        foreach (var from in Enum.GetValues<LifecycleStage>())
        {
            foreach (var to in Enum.GetValues<LifecycleStage>())
            {
                if (!LifecycleRules.IsAllowed(from, to))
                {
                    data.Add(from, to);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(IllegalPairs))]
    public async Task ChangeStageAsync_IllegalMove_ThrowsNamingFromAndTo_AndChangesNothing(LifecycleStage from, LifecycleStage to)
    {
        var h = new ContactsHarness();
        var c = await ReachAsync(h, from);
        var before = await StoreSnapshot.TakeAsync(h.Store, TenantA);
        var reason = to == LifecycleStage.Churned ? new ChurnReason("price") : (ChurnReason?)null;

        var ex = (await FluentActions.Awaiting(() => h.Manager.ChangeStageAsync(TenantA, c.Id, c.ConcurrencyStamp, to, reason))
            .Should().ThrowAsync<IllegalLifecycleTransitionException>()).Which;

        ex.From.Should().Be(from);
        ex.To.Should().Be(to);
        (await StoreSnapshot.TakeAsync(h.Store, TenantA)).Should().Equal(before);
    }

    public static TheoryData<LifecycleStage, LifecycleStage> LegalPairs()
    {
        var data = new TheoryData<LifecycleStage, LifecycleStage>();
        foreach (var from in Enum.GetValues<LifecycleStage>())
        {
            foreach (var to in LifecycleRules.AllowedTargets(from))
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(LegalPairs))]
    public async Task ChangeStageAsync_LegalMove_IsStored(LifecycleStage from, LifecycleStage to)
    {
        var h = new ContactsHarness();
        var c = await ReachAsync(h, from);
        var reason = to == LifecycleStage.Churned ? new ChurnReason("moved-away") : (ChurnReason?)null;

        var moved = await h.Manager.ChangeStageAsync(TenantA, c.Id, c.ConcurrencyStamp, to, reason);

        moved.Stage.Should().Be(to);
        moved.LifecycleHistory[^1].From.Should().Be(from);
    }

    [Fact]
    public async Task ChangeStageAsync_ChurnWithoutReason_OrReasonWithoutChurn_IsRejected()
    {
        var h = new ContactsHarness();
        var c = await ReachAsync(h, LifecycleStage.Customer);
        await FluentActions.Awaiting(() => h.Manager.ChangeStageAsync(TenantA, c.Id, c.ConcurrencyStamp, LifecycleStage.Churned))
            .Should().ThrowAsync<ArgumentException>().WithMessage("A ChurnReason is required*");
        await FluentActions.Awaiting(() => h.Manager.ChangeStageAsync(TenantA, c.Id, c.ConcurrencyStamp, LifecycleStage.Advocate, new ChurnReason("price")))
            .Should().ThrowAsync<ArgumentException>().WithMessage("*only recorded with a move to Churned*");
        await FluentActions.Awaiting(() => h.Manager.ChangeStageAsync(TenantA, c.Id, c.ConcurrencyStamp, (LifecycleStage)42))
            .Should().ThrowAsync<ArgumentOutOfRangeException>();
        (await h.Manager.GetAsync(TenantA, c.Id)).ConcurrencyStamp.Should().Be(c.ConcurrencyStamp);
    }

    [Fact]
    public async Task ChangeStageAsync_StaleStamp_Conflicts()
    {
        var h = new ContactsHarness();
        var c = await h.CreateAsync();
        await h.Manager.ChangeStageAsync(TenantA, c.Id, c.ConcurrencyStamp, LifecycleStage.Prospect);
        await FluentActions.Awaiting(() => h.Manager.ChangeStageAsync(TenantA, c.Id, c.ConcurrencyStamp, LifecycleStage.Customer))
            .Should().ThrowAsync<ConcurrencyConflictException>();
        (await h.Manager.GetAsync(TenantA, c.Id)).Stage.Should().Be(LifecycleStage.Prospect);
    }

    /// <summary>A stored contact in <paramref name="stage"/>, reached through legal moves.</summary>
    private static async Task<Contact> ReachAsync(ContactsHarness h, LifecycleStage stage)
    {
        var path = stage switch
        {
            LifecycleStage.Churned => new[] { LifecycleStage.Customer, LifecycleStage.Churned },
            LifecycleStage.Reactivated => [LifecycleStage.Customer, LifecycleStage.Churned, LifecycleStage.Reactivated],
            LifecycleStage.Lead => [],
            _ => [stage],
        };

        var c = await h.CreateAsync();
        foreach (var to in path)
        {
            c = await h.Manager.ChangeStageAsync(TenantA, c.Id, c.ConcurrencyStamp, to, to == LifecycleStage.Churned ? new ChurnReason("price") : null);
        }

        c.Stage.Should().Be(stage);
        return c;
    }
}
