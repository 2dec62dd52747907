using Crm.Core.Tests.TestSupport;
using Crm.Events;
using Crm.InMemory;
using NodaTime;

namespace Crm.Core.Tests.InMemory;

public sealed class InMemoryOutboxTests
{
    private static readonly TenantId Tenant = new("t1");
    private static readonly Instant Now = Instant.FromUtc(2026, 1, 1, 0, 0);

    private static ThingHappened Event(Sequential ids, TenantId? tenant = null) => ids.Identify(new ThingHappened(tenant ?? Tenant, Now, 1, "x"));

    [Fact]
    public void Check_RefusesEventsWithoutId_OfAnotherTenant_OrSeenBefore_AndWritesNothing()
    {
        var outbox = new InMemoryOutbox();
        var ids = new Sequential();
        var stored = Event(ids);
        outbox.Append([stored]);

        FluentActions.Invoking(() => outbox.Check(Tenant, [new ThingHappened(Tenant, Now, 1, "x")])).Should().Throw<ArgumentException>().WithMessage("*no EventId*");
        FluentActions.Invoking(() => outbox.Check(Tenant, [Event(ids, new TenantId("t2"))])).Should().Throw<ArgumentException>().WithMessage("*another tenant*");
        FluentActions.Invoking(() => outbox.Check(Tenant, [stored])).Should().Throw<ConcurrencyConflictException>();
        var twice = Event(ids);
        FluentActions.Invoking(() => outbox.Check(Tenant, [twice, twice])).Should().Throw<ConcurrencyConflictException>();
        outbox.Snapshot().Should().ContainSingle();
    }

    [Fact]
    public async Task Claim_TakesDueEventsOldestFirst_UpToTheCount_AndLeasesThem()
    {
        var outbox = new InMemoryOutbox();
        var ids = new Sequential();
        var events = Enumerable.Range(0, 5).Select(_ => Event(ids)).ToList();
        outbox.Append(events);

        var first = await outbox.ClaimAsync(3, Now, Now + Duration.FromMinutes(1), CancellationToken.None);
        var second = await outbox.ClaimAsync(3, Now, Now + Duration.FromMinutes(1), CancellationToken.None);

        first.Select(m => m.Event).Should().Equal(events.Take(3));
        second.Select(m => m.Event).Should().Equal(events.Skip(3));
        (await outbox.ClaimAsync(3, Now, Now + Duration.FromMinutes(1), CancellationToken.None)).Should().BeEmpty();
        first.Should().OnlyContain(m => m.Lease!.ExpiresAt == Now + Duration.FromMinutes(1) && m.Attempts == 0);
    }

    [Fact]
    public async Task Parallel_claimers_never_hold_the_same_event()
    {
        var outbox = new InMemoryOutbox();
        var ids = new Sequential();
        outbox.Append(Enumerable.Range(0, 2000).Select(_ => Event(ids)).ToList());

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            var mine = new List<CrmEventId>();
            while ((await outbox.ClaimAsync(13, Now, Now + Duration.FromMinutes(5), CancellationToken.None)) is { Count: > 0 } batch)
            {
                mine.AddRange(batch.Select(m => m.Event.EventId));
            }

            return mine;
        })));

        claims.SelectMany(c => c).Should().HaveCount(2000).And.OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task Fail_WithoutRetry_DeadLetters_AndOnlyTheHoldingLeaseActs()
    {
        var outbox = new InMemoryOutbox();
        var thing = Event(new Sequential());
        outbox.Append([thing]);
        var lease = (await outbox.ClaimAsync(1, Now, Now + Duration.FromMinutes(1), CancellationToken.None))[0].Lease!;

        (await outbox.CompleteAsync(lease with { Token = Guid.NewGuid() }, Now, CancellationToken.None)).Should().BeFalse();
        (await outbox.FailAsync(lease, "boom", null, CancellationToken.None)).Should().BeTrue();
        (await outbox.FailAsync(lease, "again", null, CancellationToken.None)).Should().BeFalse();
        (await outbox.GetDeadLettersAsync(Tenant, 5, CancellationToken.None)).Should().ContainSingle().Which.LastError.Should().Be("boom");
        (await outbox.GetDeadLettersAsync(new TenantId("other"), 5, CancellationToken.None)).Should().BeEmpty();
        (await outbox.RequeueDeadLetterAsync(new TenantId("other"), thing.EventId, CancellationToken.None)).Should().BeFalse();
    }

    [Fact]
    public async Task Claim_RejectsBadArguments()
    {
        var outbox = new InMemoryOutbox();
        await FluentActions.Awaiting(async () => await outbox.ClaimAsync(0, Now, Now + Duration.FromSeconds(1), CancellationToken.None)).Should().ThrowAsync<ArgumentOutOfRangeException>();
        await FluentActions.Awaiting(async () => await outbox.ClaimAsync(1, Now, Now, CancellationToken.None)).Should().ThrowAsync<ArgumentOutOfRangeException>();
        await FluentActions.Awaiting(async () => await outbox.FailAsync(new Crm.Outbox.OutboxLease(new CrmEventId(Guid.NewGuid()), Guid.NewGuid(), Now), " ", null, CancellationToken.None)).Should().ThrowAsync<ArgumentException>();
    }
}
