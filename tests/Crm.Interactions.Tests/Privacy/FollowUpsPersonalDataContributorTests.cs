using Crm.Interactions.FollowUps;
using Crm.Interactions.Privacy;
using Crm.Interactions.Support;
using Crm.Interactions.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace Crm.Interactions.Tests.Privacy;

public sealed class FollowUpsPersonalDataContributorTests
{
    private static readonly TenantId Tenant = Harness.Tenant;

    private readonly Harness _h = new();
    private readonly FollowUpManager _followUps;
    private readonly FollowUpsPersonalDataContributor _privacy;

    public FollowUpsPersonalDataContributorTests()
    {
        var options = Microsoft.Extensions.Options.Options.Create(_h.Options);
        _followUps = new FollowUpManager(_h.Store, new OptionsSlaPolicyProvider(options), _h.Clock, _h.EventIds, NullLogger<FollowUpManager>.Instance, options);
        _privacy = new FollowUpsPersonalDataContributor(_h.Store, NullLogger<FollowUpsPersonalDataContributor>.Instance);
    }

    [Fact]
    public async Task Export_HoldsEveryFollowUpWithReasonAndNote()
    {
        var contact = ContactId.New();
        var done = await Create(contact, "Ask about the broken kettle");
        await _followUps.CompleteAsync(Tenant, done.Id, new FollowUpCompletion { Outcome = FollowUpOutcome.Reached, Note = "Replaced it" });
        await Create(contact, "Check the replacement arrived");

        var export = await _privacy.ExportAsync(Tenant, contact, CancellationToken.None);

        var text = export!.Value.GetRawText();
        text.Should().Contain("broken kettle").And.Contain("Replaced it").And.Contain("replacement arrived").And.Contain("\"outcome\":\"Reached\"");
        (await _privacy.ExportAsync(Tenant, ContactId.New(), CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task Erase_RemovesReasonsAndNotes_KeepsTheFacts_AndIsIdempotent()
    {
        var contact = ContactId.New();
        var done = await Create(contact, "Ask about the broken kettle");
        await _followUps.CompleteAsync(Tenant, done.Id, new FollowUpCompletion { Outcome = FollowUpOutcome.Purchased, Note = "Bought a toaster" });

        var first = await _privacy.EraseAsync(Tenant, contact, CancellationToken.None);
        var second = await _privacy.EraseAsync(Tenant, contact, CancellationToken.None);

        first.ErasedItems.Should().NotBeEmpty();
        second.ErasedItems.Should().BeEmpty();
        var erased = await _followUps.FindAsync(Tenant, done.Id);
        erased!.Reason.Should().Be("(erased)");
        erased.OutcomeNote.Should().BeNull();
        erased.Outcome.Should().Be(FollowUpOutcome.Purchased);
        erased.Status.Should().Be(FollowUpStatus.Done);
    }

    private Task<FollowUp> Create(ContactId contact, string reason)
        => _followUps.CreateAsync(Tenant, new FollowUpDraft { ContactId = contact, Assignee = new TeamMemberId("agent-1"), Reason = reason, DueAt = _h.Now + Duration.FromDays(1) });
}
