using Crm.Interactions.Events;
using Crm.Interactions.Support;
using Crm.Interactions.Tests.TestSupport;
using NodaTime;

namespace Crm.Interactions.Tests.Support;

public sealed class SupportCaseManagerTests
{
    private readonly ContactId _contact = ContactId.New();

    private static SupportCaseManager GuardedManager(Harness h)
    {
        var options = Microsoft.Extensions.Options.Options.Create(h.Options);
        return new SupportCaseManager(new GuardedOnlyStore(h.Store), new TrackingCodeGenerator(options), new OptionsSlaPolicyProvider(options), h.Clock, h.EventIds,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<SupportCaseManager>.Instance, options);
    }

    private static CaseDraft Draft(ContactId contact, string? category = null, string? key = null)
        => new() { ContactId = contact, Subject = "Parcel missing", Category = category, IdempotencyKey = key };

    [Fact]
    public async Task OpenAsync_IssuesConsecutiveCodesFromTheDefaultFormat()
    {
        var h = new Harness();

        var first = await h.Cases.OpenAsync(Harness.Tenant, Draft(_contact));
        var second = await h.Cases.OpenAsync(Harness.Tenant, Draft(_contact));

        (first.TrackingCode, second.TrackingCode).Should().Be(("Case-1", "Case-2"));
        (await h.Cases.FindByTrackingCodeAsync(Harness.Tenant, "Case-2"))!.Id.Should().Be(second.Id);
        h.Events<CaseOpened>().Select(static e => e.TrackingCode).Should().Equal("Case-1", "Case-2");
    }

    [Fact]
    public async Task OpenAsync_UsesEachTenantsPrefixPaddingAndStart()
    {
        var h = new Harness(o =>
        {
            o.Support.TrackingCodes.Start = 6548;
            o.Support.TenantTrackingCodes[Harness.OtherTenant.Value] = new TrackingCodeFormat { Prefix = "Ticket", Padding = 5, Start = 4044 };
        });

        var a = await h.Cases.OpenAsync(Harness.Tenant, Draft(_contact));
        var b1 = await h.Cases.OpenAsync(Harness.OtherTenant, Draft(_contact));
        var b2 = await h.Cases.OpenAsync(Harness.OtherTenant, Draft(_contact));

        a.TrackingCode.Should().Be("Case-6548");
        (b1.TrackingCode, b2.TrackingCode).Should().Be(("Ticket-04044", "Ticket-04045"));
    }

    [Fact]
    public async Task OpenAsync_AThousandCasesInParallel_GetAThousandDistinctCodes()
    {
        var h = new Harness();

        var cases = await Task.WhenAll(Enumerable.Range(0, 1000).Select(i => Task.Run(() => h.Cases.OpenAsync(Harness.Tenant, Draft(ContactId.New())))));

        cases.Select(static c => c.TrackingCode).Should().OnlyHaveUniqueItems().And.HaveCount(1000);
        cases.Select(static c => c.TrackingCode).Should().BeEquivalentTo(Enumerable.Range(1, 1000).Select(static n => $"Case-{n}"), "no number is lost when nothing was burnt");
    }

    [Fact]
    public async Task OpenAsync_StoreWithoutSequenceDraws_GuardsTheSequenceAndSkipsLegacyCodes()
    {
        var h = new Harness();
        var cases = GuardedManager(h);
        await h.Cases.ImportAsync(Harness.Tenant, "Case-3", Draft(_contact));

        var opened = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() => cases.OpenAsync(Harness.Tenant, Draft(ContactId.New())))));

        opened.Select(static c => c.TrackingCode).Should().BeEquivalentTo(Enumerable.Range(1, 201).Where(static n => n != 3).Select(static n => $"Case-{n}"));
        (await h.Store.GetVersionAsync(Harness.Tenant, Crm.Interactions.Storage.InteractionChangeSet.CaseSequenceCounter, CancellationToken.None)).Should().Be(201, "the taken number was burnt");
    }

    [Fact]
    public async Task OpenAsync_DrawnNumberWhoseCodeIsTaken_IsBurntAndTheNextOneDrawn()
    {
        var h = new Harness();
        await h.Cases.ImportAsync(Harness.Tenant, "Case-1", Draft(_contact));

        var opened = await h.Cases.OpenAsync(Harness.Tenant, Draft(_contact));

        opened.TrackingCode.Should().Be("Case-2");
        (await h.Store.GetVersionAsync(Harness.Tenant, Crm.Interactions.Storage.InteractionChangeSet.CaseSequenceCounter, CancellationToken.None)).Should().Be(2);
    }

    [Fact]
    public async Task ImportAsync_KeepsTheLegacyCode_WhichIsThenNeverIssued()
    {
        var h = new Harness();
        var legacy = await h.Cases.ImportAsync(Harness.Tenant, "Case-2", Draft(_contact) with { OpenedAt = h.Now - Duration.FromDays(400) });

        var issued = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            issued.Add((await h.Cases.OpenAsync(Harness.Tenant, Draft(_contact))).TrackingCode);
        }

        legacy.IsImported.Should().BeTrue();
        legacy.TrackingCode.Should().Be("Case-2");
        issued.Should().Equal("Case-1", "Case-3", "Case-4");
    }

    [Fact]
    public async Task ImportAsync_CodeAlreadyTaken_IsRefusedAndChangesNothing()
    {
        var h = new Harness();
        await h.Cases.OpenAsync(Harness.Tenant, Draft(_contact));
        var events = h.Store.Outbox.Snapshot().Count;

        var act = () => h.Cases.ImportAsync(Harness.Tenant, "Case-1", Draft(_contact));

        (await act.Should().ThrowAsync<ConcurrencyConflictException>()).Which.Entity.Should().Be("tracking code");
        h.Store.Outbox.Snapshot().Should().HaveCount(events);
    }

    [Fact]
    public async Task OpenAsync_RedeliveredEmail_OpensOneCase()
    {
        var h = new Harness();

        var first = await h.Cases.OpenAsync(Harness.Tenant, Draft(_contact, key: "mail-1"));
        var again = await h.Cases.OpenAsync(Harness.Tenant, Draft(_contact, key: "mail-1"));

        again.Id.Should().Be(first.Id);
        h.Events<CaseOpened>().Should().ContainSingle();
    }

    [Fact]
    public async Task StatusFlow_OpenPendingResolvedClosedAndReopen_IsRecordedWithEvents()
    {
        var h = new Harness();
        var c = await h.Cases.OpenAsync(Harness.Tenant, Draft(_contact));

        foreach (var status in new[] { CaseStatus.Pending, CaseStatus.Open, CaseStatus.Resolved, CaseStatus.Closed, CaseStatus.Open, CaseStatus.Resolved })
        {
            c = await h.Cases.ChangeStatusAsync(Harness.Tenant, c.Id, status);
        }

        c.Status.Should().Be(CaseStatus.Resolved);
        c.ReopenCount.Should().Be(1);
        c.IsFirstContactResolution.Should().BeFalse("it was reopened");
        h.Events<CaseStatusChanged>().Should().HaveCount(6);
        h.Events<CaseStatusChanged>()[4].Should().Match<CaseStatusChanged>(e => e.From == CaseStatus.Closed && e.To == CaseStatus.Open);
    }

    [Theory]
    [InlineData(CaseStatus.Closed)]
    [InlineData(CaseStatus.Open)]
    public async Task ChangeStatusAsync_NotAllowedFromOpen_IsRejectedAndChangesNothing(CaseStatus target)
    {
        var h = new Harness();
        var c = await h.Cases.OpenAsync(Harness.Tenant, Draft(_contact));

        var act = () => h.Cases.ChangeStatusAsync(Harness.Tenant, c.Id, target);

        await act.Should().ThrowAsync<InvalidCaseTransitionException>();
        (await h.Cases.FindAsync(Harness.Tenant, c.Id))!.ConcurrencyStamp.Should().Be(c.ConcurrencyStamp);
    }

    [Fact]
    public void CaseStatusRules_AllowExactlyTheDocumentedFlow()
    {
        var allowed = Enum.GetValues<CaseStatus>().SelectMany(f => Enum.GetValues<CaseStatus>().Where(t => CaseStatusRules.IsAllowed(f, t)).Select(t => $"{f}>{t}"));

        allowed.Should().BeEquivalentTo("Open>Pending", "Open>Resolved", "Pending>Open", "Pending>Resolved", "Resolved>Closed", "Resolved>Open", "Closed>Open");
    }

    [Fact]
    public async Task ChangeStatusAsync_ResolutionBeforeTheCaseWasOpened_IsRejected()
    {
        var h = new Harness();
        var c = await h.Cases.OpenAsync(Harness.Tenant, Draft(_contact));

        var act = () => h.Cases.ChangeStatusAsync(Harness.Tenant, c.Id, CaseStatus.Resolved, c.OpenedAt - Duration.FromMinutes(1));

        await act.Should().ThrowAsync<ArgumentOutOfRangeException>().WithParameterName("changedAt");
    }

    [Fact]
    public async Task InboundContactsUntilResolution_AreCounted_AndFirstContactResolutionFollows()
    {
        var h = new Harness();
        var once = await h.Cases.OpenAsync(Harness.Tenant, Draft(_contact));
        var thrice = await h.Cases.OpenAsync(Harness.Tenant, Draft(_contact));
        foreach (var direction in new[] { InteractionDirection.Inbound, InteractionDirection.Outbound, InteractionDirection.Inbound })
        {
            await h.Interactions.RecordAsync(Harness.Tenant, new InteractionDraft { ContactId = _contact, Kind = InteractionKind.Call, Channel = InteractionChannel.Phone, Direction = direction, Case = thrice.Id });
        }

        once = await h.Cases.ChangeStatusAsync(Harness.Tenant, once.Id, CaseStatus.Resolved);
        thrice = await h.Cases.ChangeStatusAsync(Harness.Tenant, thrice.Id, CaseStatus.Resolved);
        await h.Interactions.RecordAsync(Harness.Tenant, new InteractionDraft { ContactId = _contact, Kind = InteractionKind.Email, Direction = InteractionDirection.Inbound, Case = thrice.Id });

        once.IsFirstContactResolution.Should().BeTrue();
        thrice.ContactCount.Should().Be(3);
        (await h.Cases.FindAsync(Harness.Tenant, thrice.Id))!.ContactCount.Should().Be(3, "contacts after resolution do not count");
    }

    [Fact]
    public async Task InteractionLinkedToAnotherContactsCase_IsRejected()
    {
        var h = new Harness();
        var c = await h.Cases.OpenAsync(Harness.Tenant, Draft(_contact));

        var act = () => h.Interactions.RecordAsync(Harness.Tenant, new InteractionDraft { ContactId = ContactId.New(), Kind = InteractionKind.Call, Case = c.Id });

        await act.Should().ThrowAsync<RecordNotFoundException>();
    }

    [Fact]
    public async Task OpenAsync_LinksTheContactsEarlierCasesOfTheSameCategory()
    {
        var h = new Harness();
        var earlier = await h.Cases.OpenAsync(Harness.Tenant, Draft(_contact, "delivery"));
        await h.Cases.OpenAsync(Harness.Tenant, Draft(_contact, "billing"));
        var explicitOne = await h.Cases.OpenAsync(Harness.Tenant, Draft(_contact));
        await h.Cases.OpenAsync(Harness.Tenant, Draft(ContactId.New(), "delivery"));

        var again = await h.Cases.OpenAsync(Harness.Tenant, Draft(_contact, "Delivery") with { RelatedCases = [explicitOne.Id] });

        again.RelatedCases.Should().BeEquivalentTo([explicitOne.Id, earlier.Id]);
    }

    [Fact]
    public async Task OpenAsync_RelatedCaseOfAnotherContact_IsRejected()
    {
        var h = new Harness();
        var foreign = await h.Cases.OpenAsync(Harness.Tenant, Draft(ContactId.New()));

        var act = () => h.Cases.OpenAsync(Harness.Tenant, Draft(_contact) with { RelatedCases = [foreign.Id] });

        await act.Should().ThrowAsync<RecordNotFoundException>();
    }

    [Fact]
    public async Task Cases_AreIsolatedByTenant()
    {
        var h = new Harness();
        var c = await h.Cases.OpenAsync(Harness.Tenant, Draft(_contact));

        (await h.Cases.FindAsync(Harness.OtherTenant, c.Id)).Should().BeNull();
        (await h.Cases.FindByTrackingCodeAsync(Harness.OtherTenant, c.TrackingCode)).Should().BeNull();
        (await h.Cases.OpenAsync(Harness.OtherTenant, Draft(_contact))).TrackingCode.Should().Be("Case-1", "each tenant has its own sequence");
    }
}
