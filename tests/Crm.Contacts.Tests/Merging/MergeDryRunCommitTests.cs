using Crm.Contacts.Duplicates;
using Crm.Contacts.Merging;
using Crm.Contacts.Tests.TestSupport;
using Crm.Storage;
using static Crm.Contacts.Tests.TestSupport.DuplicatesHarness;

namespace Crm.Contacts.Tests.Merging;

/// <summary>Issue 6: committing a reviewed dry run, and <see cref="MergeRequest"/> with <c>with</c>.</summary>
public sealed class MergeDryRunCommitTests
{
    private static DuplicatesHarness NewHarness() => new(o => o.Duplicates.OnCreate = DuplicateCreateAction.Allow);

    [Fact]
    public async Task Merge_CommittedWithTheExpectedStampsOfItsDryRun_Succeeds()
    {
        var h = NewHarness();
        var c = await h.CreateManyAsync(2);
        var request = new MergeRequest { SurvivorId = c[0].Id, AbsorbedIds = [c[1].Id], DryRun = true };
        var dry = await h.Merger.MergeAsync(Tenant, request);

        var committed = await h.Merger.MergeAsync(Tenant, request with { DryRun = false, ExpectedStamps = dry.ExpectedStamps });

        committed.IsDryRun.Should().BeFalse();
        (await h.GetAsync(c[1].Id)).Status.Should().Be(ContactStatus.Merged);
        dry.ExpectedStamps.Should().Equal(new Dictionary<ContactId, ConcurrencyStamp> { [c[0].Id] = c[0].ConcurrencyStamp, [c[1].Id] = c[1].ConcurrencyStamp });
    }

    [Fact]
    public async Task Merge_DryRunStampsAfterAChange_FailsWithConflictAndWritesNothing()
    {
        var h = NewHarness();
        var c = await h.CreateManyAsync(2);
        var request = new MergeRequest { SurvivorId = c[0].Id, AbsorbedIds = [c[1].Id], DryRun = true };
        var dry = await h.Merger.MergeAsync(Tenant, request);
        await h.Manager.UpdateAsync(Tenant, c[1].Id, c[1].ConcurrencyStamp, e => e.AddTag("changed"));

        var act = () => h.Merger.MergeAsync(Tenant, request with { DryRun = false, ExpectedStamps = dry.ExpectedStamps });

        await act.Should().ThrowAsync<ConcurrencyConflictException>();
        (await h.GetAsync(c[1].Id)).Status.Should().Be(ContactStatus.Active);
    }

    [Fact]
    public void MergeRequest_With_CopiesEveryOtherProperty()
    {
        var request = new MergeRequest { SurvivorId = ContactId.New(), AbsorbedIds = [ContactId.New()], Policy = new MergePolicy { Emails = MergeFieldPolicy.PreferAbsorbed }, DryRun = true };

        var copy = request with { DryRun = false };

        copy.Should().BeEquivalentTo(request, o => o.Excluding(r => r.DryRun));
        copy.DryRun.Should().BeFalse();
    }

    [Fact]
    public async Task Merge_RequestMadeWithWithBreakingARule_IsStillValidated()
    {
        var h = NewHarness();
        var c = await h.CreateManyAsync(2);
        var request = new MergeRequest { SurvivorId = c[0].Id, AbsorbedIds = [c[1].Id] };

        var act = () => h.Merger.MergeAsync(Tenant, request with { AbsorbedIds = [c[0].Id] });

        (await act.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("request.AbsorbedIds");
    }

    [Fact]
    public async Task Merge_AbsorbedIdsNull_NamesTheProperty()
    {
        var h = NewHarness();

        var act = () => h.Merger.MergeAsync(Tenant, new MergeRequest { SurvivorId = ContactId.New(), AbsorbedIds = null! });

        (await act.Should().ThrowAsync<ArgumentNullException>()).Which.ParamName.Should().Be("request.AbsorbedIds");
    }

    [Fact]
    public async Task Merge_PolicyNull_NamesTheProperty()
    {
        var h = NewHarness();

        var act = () => h.Merger.MergeAsync(Tenant, new MergeRequest { SurvivorId = ContactId.New(), AbsorbedIds = [ContactId.New()], Policy = null! });

        (await act.Should().ThrowAsync<ArgumentNullException>()).Which.ParamName.Should().Be("request.Policy");
    }
}
