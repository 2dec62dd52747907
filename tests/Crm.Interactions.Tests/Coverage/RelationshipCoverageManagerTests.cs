using Crm.Interactions.Coverage;
using Crm.Interactions.Storage;
using Crm.Storage;
using NodaTime;
using NodaTime.Testing;

namespace Crm.Interactions.Tests.Coverage;

public sealed class RelationshipCoverageManagerTests
{
    private static readonly TenantId Tenant = new("coverage-tests");
    private static readonly Instant Now = Instant.FromUtc(2025, 6, 1, 12, 0);

    [Fact]
    public async Task GetCoverage_InTheLastDays_AsksForTheWindowBeforeNowAndOrdersByLastInteraction()
    {
        var store = new FixedStore { Members = [Member("b", 1, 3), Member("a", 4, 2), Member("c", 2, 3)] };
        var manager = new RelationshipCoverageManager(store, new FakeClock(Now));

        var coverage = await manager.GetCoverageAsync(Tenant, ContactId.New(), 90);

        store.AskedWindow.Should().BeEquivalentTo(new { From = Now - Duration.FromDays(90), To = Now });
        coverage.TeamMembers.Select(static m => m.TeamMember.Value).Should().Equal("a", "b", "c");
        coverage.IsSingleThreaded.Should().BeFalse();
    }

    [Fact]
    public async Task GetCoverage_WhenTheStoreNamesATeamMemberTwice_RefusesTheAnswer()
    {
        var manager = new RelationshipCoverageManager(new FixedStore { Members = [Member("a", 1, 1), Member("a", 2, 2)] }, new FakeClock(Now));

        var read = () => manager.GetCoverageAsync(Tenant, ContactId.New(), 30);

        await read.Should().ThrowAsync<InvalidOperationException>();
    }

    [Fact]
    public async Task ListSingleThreaded_WhenTheStorePageIsOutOfOrder_RefusesIt()
    {
        var first = new Guid("00000000-0000-0000-0000-000000000002");
        var second = new Guid("00000000-0000-0000-0000-000000000001");
        var store = new FixedStore
        {
            AtRisk = [new(new ContactId(first), new TeamMemberId("a"), 3, Now - Duration.FromDays(1)), new(new ContactId(second), new TeamMemberId("a"), 3, Now - Duration.FromDays(1))],
        };

        var list = () => new RelationshipCoverageManager(store, new FakeClock(Now)).ListSingleThreadedAsync(Tenant, 30, 2, PageRequest.First());

        await list.Should().ThrowAsync<InvalidOperationException>().WithMessage("*breaks its contract*");
    }

    [Fact]
    public void CoverageWindow_OfNoDaysOrEndingBeforeItStarts_IsRefused()
    {
        var noDays = () => CoverageWindow.LastDays(Now, 0);
        var backwards = () => new CoverageWindow(Now, Now);

        noDays.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("days");
        backwards.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("to");
    }

    private static TeamMemberCoverage Member(string id, int count, int daysAgo) => new(new TeamMemberId(id), count, Now - Duration.FromDays(daysAgo));

    private sealed class FixedStore : IRelationshipCoverageStore
    {
        public IReadOnlyList<TeamMemberCoverage> Members { get; init; } = [];

        public IReadOnlyList<SingleThreadedRelationship> AtRisk { get; init; } = [];

        public CoverageWindow? AskedWindow { get; private set; }

        public ValueTask<IReadOnlyList<TeamMemberCoverage>> GetCoverageAsync(TenantId tenantId, ContactId contactId, CoverageWindow window, CancellationToken cancellationToken)
        {
            AskedWindow = window;
            return ValueTask.FromResult(Members);
        }

        public ValueTask<Page<SingleThreadedRelationship>> ListSingleThreadedAsync(TenantId tenantId, CoverageWindow window, int minimumInteractions, PageRequest page, CancellationToken cancellationToken)
            => ValueTask.FromResult(new Page<SingleThreadedRelationship>(AtRisk, null));
    }
}
