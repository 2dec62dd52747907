using Crm.Interactions.Tests.TestSupport;
using Crm.Storage;
using NodaTime;

namespace Crm.Interactions.Tests;

public sealed class InteractionManagerTests
{
    private readonly Harness _h = new();
    private readonly ContactId _contact = ContactId.New();

    [Fact]
    public async Task RecordAsync_WritesEntryAndEventInOneChangeSet()
    {
        var entry = await _h.Interactions.RecordAsync(Harness.Tenant, Harness.Call(_contact));

        (await _h.Interactions.FindAsync(Harness.Tenant, entry.Id)).Should().BeSameAs(entry);
        _h.Events<Crm.Interactions.Events.InteractionRecorded>().Should().ContainSingle(e => e.InteractionId == entry.Id && e.Kind == InteractionKind.Call && e.ContactId == _contact);
    }

    [Fact]
    public async Task RecordAsync_WithRepeatedIdempotencyKey_RecordsOnce()
    {
        var first = await _h.Interactions.RecordAsync(Harness.Tenant, Harness.Call(_contact, key: "webhook-1"));
        var second = await _h.Interactions.RecordAsync(Harness.Tenant, Harness.Call(_contact, key: "webhook-1", summary: "different text"));

        second.Id.Should().Be(first.Id);
        (await _h.Interactions.GetTimelineAsync(Harness.Tenant, _contact)).Items.Should().ContainSingle();
        _h.Events<Crm.Interactions.Events.InteractionRecorded>().Should().ContainSingle();
    }

    [Fact]
    public async Task RecordAsync_ConcurrentRedeliveries_RecordOnce()
    {
        var all = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => _h.Interactions.RecordAsync(Harness.Tenant, Harness.Call(_contact, key: "same")))));

        all.Select(static i => i.Id).Distinct().Should().ContainSingle();
        (await _h.Interactions.GetTimelineAsync(Harness.Tenant, _contact)).Items.Should().ContainSingle();
    }

    [Fact]
    public async Task RecordAsync_MessageWithoutMessageChannel_IsRejected()
    {
        var act = () => _h.Interactions.RecordAsync(Harness.Tenant, new InteractionDraft { ContactId = _contact, Kind = InteractionKind.Message, Channel = InteractionChannel.Phone });

        await act.Should().ThrowAsync<ArgumentException>().WithMessage("*Sms, Chat or Social*");
    }

    [Theory]
    [InlineData(InteractionChannel.Sms)]
    [InlineData(InteractionChannel.Chat)]
    [InlineData(InteractionChannel.Social)]
    public async Task RecordAsync_MessageOnEachSubChannel_IsRecorded(InteractionChannel channel)
    {
        var entry = await _h.Interactions.RecordAsync(Harness.Tenant, new InteractionDraft { ContactId = _contact, Kind = InteractionKind.Message, Channel = channel });

        entry.Channel.Should().Be(channel);
    }

    [Fact]
    public async Task RecordAsync_KindOwnedByAnotherManager_IsRejected()
    {
        var act = () => _h.Interactions.RecordAsync(Harness.Tenant, new InteractionDraft { ContactId = _contact, Kind = InteractionKind.Purchase });

        await act.Should().ThrowAsync<ArgumentOutOfRangeException>();
    }

    [Fact]
    public async Task RecordAsync_InTheFuture_IsRejectedAndChangesNothing()
    {
        var act = () => _h.Interactions.RecordAsync(Harness.Tenant, Harness.Call(_contact, at: _h.Now + Duration.FromHours(1)));

        await act.Should().ThrowAsync<ArgumentOutOfRangeException>().WithParameterName("draft.OccurredAt");
        _h.Store.Outbox.Snapshot().Should().BeEmpty();
    }

    [Fact]
    public async Task GetTimelineAsync_PagesNewestFirstWithoutGapsOrRepeats()
    {
        var start = _h.Now - Duration.FromDays(30);
        var recorded = new List<InteractionId>();
        for (var i = 0; i < 25; i++)
        {
            // Two entries share each instant, so the id breaks ties.
            recorded.Add((await _h.Interactions.RecordAsync(Harness.Tenant, Harness.Call(_contact, at: start + Duration.FromHours(i / 2)))).Id);
        }

        var seen = new List<Interaction>();
        var page = PageRequest.First(7);
        while (true)
        {
            var result = await _h.Interactions.GetTimelineAsync(Harness.Tenant, _contact, page: page);
            result.Items.Count.Should().BeLessThanOrEqualTo(7);
            seen.AddRange(result.Items);
            if (result.NextCursor is null)
            {
                break;
            }

            page = PageRequest.After(result.NextCursor, 7);
        }

        seen.Select(static i => i.Id).Should().BeEquivalentTo(recorded);
        seen.Select(static i => i.Id).Should().Equal(seen.OrderByDescending(static i => i.OccurredAt).ThenByDescending(static i => i.Id.Value).Select(static i => i.Id));
    }

    [Fact]
    public async Task GetTimelineAsync_FiltersByKindChannelAndPeriod()
    {
        var t0 = _h.Now - Duration.FromDays(10);
        await _h.Interactions.RecordAsync(Harness.Tenant, Harness.Call(_contact, at: t0));
        var email = await _h.Interactions.RecordAsync(Harness.Tenant, new InteractionDraft { ContactId = _contact, Kind = InteractionKind.Email, Channel = InteractionChannel.Email, OccurredAt = t0 + Duration.FromDays(2) });
        var sms = await _h.Interactions.RecordAsync(Harness.Tenant, new InteractionDraft { ContactId = _contact, Kind = InteractionKind.Message, Channel = InteractionChannel.Sms, OccurredAt = t0 + Duration.FromDays(4) });
        await _h.Interactions.RecordAsync(Harness.Tenant, new InteractionDraft { ContactId = _contact, Kind = InteractionKind.Note, OccurredAt = t0 + Duration.FromDays(6) });

        var byKind = await _h.Interactions.GetTimelineAsync(Harness.Tenant, _contact, new TimelineFilter { Kinds = new HashSet<InteractionKind> { InteractionKind.Email, InteractionKind.Message } });
        var byChannel = await _h.Interactions.GetTimelineAsync(Harness.Tenant, _contact, new TimelineFilter { Channels = new HashSet<InteractionChannel> { InteractionChannel.Sms } });
        var byPeriod = await _h.Interactions.GetTimelineAsync(Harness.Tenant, _contact, new TimelineFilter { From = t0 + Duration.FromDays(1), To = t0 + Duration.FromDays(4) });

        byKind.Items.Select(static i => i.Id).Should().Equal(sms.Id, email.Id);
        byChannel.Items.Select(static i => i.Id).Should().Equal(sms.Id);
        byPeriod.Items.Select(static i => i.Id).Should().Equal(email.Id);
    }

    [Fact]
    public async Task GetTimelineAsync_FilteredPages_NeverEndWithAnEmptyPage()
    {
        for (var i = 0; i < 6; i++)
        {
            await _h.Interactions.RecordAsync(Harness.Tenant, Harness.Call(_contact));
            await _h.Interactions.RecordAsync(Harness.Tenant, new InteractionDraft { ContactId = _contact, Kind = InteractionKind.Note });
        }

        var filter = new TimelineFilter { Kinds = new HashSet<InteractionKind> { InteractionKind.Note } };
        var first = await _h.Interactions.GetTimelineAsync(Harness.Tenant, _contact, filter, PageRequest.First(3));
        var second = await _h.Interactions.GetTimelineAsync(Harness.Tenant, _contact, filter, PageRequest.After(first.NextCursor!, 3));

        first.Items.Should().HaveCount(3);
        second.Items.Should().HaveCount(3);
        second.NextCursor.Should().BeNull();
    }

    [Fact]
    public async Task GetTimelineAsync_ForeignCursor_IsRejected()
    {
        await _h.Interactions.RecordAsync(Harness.Tenant, Harness.Call(_contact));

        var act = () => _h.Interactions.GetTimelineAsync(Harness.Tenant, _contact, page: PageRequest.After("not-a-cursor"));

        await act.Should().ThrowAsync<ArgumentException>();
    }

    [Fact]
    public async Task GetTimelineAsync_ReversedPeriod_IsRejected()
    {
        var act = () => _h.Interactions.GetTimelineAsync(Harness.Tenant, _contact, new TimelineFilter { From = _h.Now, To = _h.Now - Duration.FromDays(1) });

        await act.Should().ThrowAsync<ArgumentException>();
    }

    [Fact]
    public async Task Timelines_AreIsolatedByTenantAndContact()
    {
        await _h.Interactions.RecordAsync(Harness.Tenant, Harness.Call(_contact));
        await _h.Interactions.RecordAsync(Harness.Tenant, Harness.Call(ContactId.New()));

        (await _h.Interactions.GetTimelineAsync(Harness.OtherTenant, _contact)).Items.Should().BeEmpty();
        (await _h.Interactions.GetTimelineAsync(Harness.Tenant, _contact)).Items.Should().ContainSingle();
    }
}
