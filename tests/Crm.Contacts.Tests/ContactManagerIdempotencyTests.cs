using Crm.Contacts.Tests.TestSupport;
using NodaTime;
using static Crm.Contacts.Tests.TestSupport.ContactsHarness;

namespace Crm.Contacts.Tests;

/// <summary>Issue 6 (5): idempotency keys are kept for a configurable time and purged by an explicit command.</summary>
public sealed class ContactManagerIdempotencyTests
{
    [Fact]
    public async Task PurgeIdempotencyKeys_RemovesKeysOlderThanTheRetention_AndKeepsNewerOnes()
    {
        var h = new ContactsHarness(o => o.IdempotencyKeyRetention = Duration.FromDays(7));
        var old = await h.Manager.CreateAsync(TenantA, new ContactDraft { IdempotencyKey = "order-1" });
        h.Clock.Advance(Duration.FromDays(8));
        var recent = await h.Manager.CreateAsync(TenantA, new ContactDraft { IdempotencyKey = "order-2" });

        var removed = await h.Manager.PurgeIdempotencyKeysAsync(TenantA);

        removed.Should().Be(1);
        (await h.Manager.CreateAsync(TenantA, new ContactDraft { IdempotencyKey = "order-1" })).Id.Should().NotBe(old.Id);
        (await h.Manager.CreateAsync(TenantA, new ContactDraft { IdempotencyKey = "order-2" })).Id.Should().Be(recent.Id);
    }

    [Fact]
    public async Task PurgeIdempotencyKeys_WithinTheRetention_RemovesNothing()
    {
        var h = new ContactsHarness();
        var first = await h.Manager.CreateAsync(TenantA, new ContactDraft { IdempotencyKey = "order-1" });
        h.Clock.Advance(Duration.FromDays(6));

        (await h.Manager.PurgeIdempotencyKeysAsync(TenantA)).Should().Be(0);
        (await h.Manager.CreateAsync(TenantA, new ContactDraft { IdempotencyKey = "order-1" })).Id.Should().Be(first.Id);
    }

    [Fact]
    public async Task PurgeIdempotencyKeys_OnlyTouchesTheTenant()
    {
        var h = new ContactsHarness();
        var inB = await h.Manager.CreateAsync(TenantB, new ContactDraft { IdempotencyKey = "order-1" });
        await h.Manager.CreateAsync(TenantA, new ContactDraft { IdempotencyKey = "order-1" });
        h.Clock.Advance(Duration.FromDays(30));

        (await h.Manager.PurgeIdempotencyKeysAsync(TenantA)).Should().Be(1);
        (await h.Manager.CreateAsync(TenantB, new ContactDraft { IdempotencyKey = "order-1" })).Id.Should().Be(inB.Id);
    }

    [Fact]
    public async Task PurgeIdempotencyKeys_OlderThanInTheFuture_ThrowsNamingTheArgument()
    {
        var h = new ContactsHarness();

        var act = () => h.Manager.PurgeIdempotencyKeysAsync(TenantA, h.Clock.GetCurrentInstant() + Duration.FromHours(1));

        (await act.Should().ThrowAsync<ArgumentOutOfRangeException>()).Which.ParamName.Should().Be("olderThan");
    }

    [Fact]
    public async Task PurgeIdempotencyKeys_StoreWithoutTheCapability_ThrowsNamingIt()
    {
        var h = new ContactsHarness(store: new ContactsOnlyStore());

        var act = () => h.Manager.PurgeIdempotencyKeysAsync(TenantA);

        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("*IContactIdempotencyKeyPurge*");
    }

    [Fact]
    public async Task PurgeIdempotencyKeys_LogsTheCountWithoutAnyKey()
    {
        var h = new ContactsHarness();
        await h.Manager.CreateAsync(TenantA, new ContactDraft { IdempotencyKey = "secret-order-1" });
        h.Clock.Advance(Duration.FromDays(8));

        await h.Manager.PurgeIdempotencyKeysAsync(TenantA);

        var record = h.Logger.Collector.GetSnapshot().Should().ContainSingle(r => r.Id.Id == ContactsEventIds.IdempotencyKeysPurged).Which;
        record.Message.Should().Contain("Purged 1 idempotency keys").And.NotContain("secret-order-1");
    }
}
