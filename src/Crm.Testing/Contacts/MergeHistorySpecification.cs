using Crm.Contacts;
using Crm.Contacts.Merging;
using Crm.Contacts.Storage;

namespace Crm.Testing.Contacts;

/// <summary>
/// The merge-history capability (<see cref="IContactMergeHistory"/>) of a contact store, through <see cref="ContactMerger"/>:
/// a merge is recorded with its change set and is in the history of every contact it involved, oldest first.
/// </summary>
/// <typeparam name="TStore">The store under test; it must implement the merge-history capability.</typeparam>
public abstract class MergeHistorySpecification<TStore> : ContactSpecificationBase<TStore>
    where TStore : class, IContactStore, IContactMergeHistory
{
    /// <summary>A merge is in the history of the survivor and of every absorbed contact, and the absorbed contacts point at the survivor.</summary>
    [Fact]
    public async Task A_merge_is_in_the_history_of_every_contact_it_involved()
    {
        var store = CreateStore();
        var manager = CreateManager(store);
        var survivor = await manager.CreateAsync(TenantA, Draft("keep@example.com", "Keep")).ConfigureAwait(false);
        var absorbed1 = await manager.CreateAsync(TenantA, Draft("one@example.com", "One")).ConfigureAwait(false);
        var absorbed2 = await manager.CreateAsync(TenantA, Draft("two@example.com", "Two")).ConfigureAwait(false);
        var merger = CreateMerger(store);

        var result = await merger.MergeAsync(TenantA, new MergeRequest { SurvivorId = survivor.Id, AbsorbedIds = [absorbed1.Id, absorbed2.Id] }).ConfigureAwait(false);

        foreach (var id in new[] { survivor.Id, absorbed1.Id, absorbed2.Id })
        {
            var history = await store.GetMergeHistoryAsync(TenantA, id, CancellationToken.None).ConfigureAwait(false);
            var record = history.Should().ContainSingle().Subject;
            record.SurvivorId.Should().Be(survivor.Id);
            record.AbsorbedIds.Should().BeEquivalentTo([absorbed1.Id, absorbed2.Id]);
            record.MergedAt.Should().Be(result.Record.MergedAt);
        }

        foreach (var id in new[] { absorbed1.Id, absorbed2.Id })
        {
            var stored = await store.FindByIdAsync(TenantA, id, CancellationToken.None).ConfigureAwait(false);
            stored!.Status.Should().Be(ContactStatus.Merged);
            stored.MergedIntoId.Should().Be(survivor.Id);
            ContactSnapshots.ShouldBeSameSnapshot(stored, result.Absorbed.Single(a => a.Id == id));
        }

        ContactSnapshots.ShouldBeSameSnapshot(await store.FindByIdAsync(TenantA, survivor.Id, CancellationToken.None).ConfigureAwait(false), result.Survivor);

        (await merger.ResolveAsync(TenantA, absorbed2.Id).ConfigureAwait(false))!.Id.Should().Be(survivor.Id);
    }

    /// <summary>A contact's history lists its merges oldest first; a contact never merged has none, and other tenants see none.</summary>
    [Fact]
    public async Task History_lists_merges_oldest_first_and_only_in_the_tenant()
    {
        var store = CreateStore();
        var manager = CreateManager(store);
        var survivor = await manager.CreateAsync(TenantA, Draft("keep@example.com", "Keep")).ConfigureAwait(false);
        var first = await manager.CreateAsync(TenantA, Draft("first@example.com", "First")).ConfigureAwait(false);
        var second = await manager.CreateAsync(TenantA, Draft("second@example.com", "Second")).ConfigureAwait(false);
        var bystander = await manager.CreateAsync(TenantA, Draft("other@example.com", "Other")).ConfigureAwait(false);
        var merger = CreateMerger(store);

        await merger.MergeAsync(TenantA, new MergeRequest { SurvivorId = survivor.Id, AbsorbedIds = [first.Id] }).ConfigureAwait(false);
        await merger.MergeAsync(TenantA, new MergeRequest { SurvivorId = survivor.Id, AbsorbedIds = [second.Id] }).ConfigureAwait(false);

        var history = await merger.GetHistoryAsync(TenantA, survivor.Id).ConfigureAwait(false);
        history.Select(r => r.AbsorbedIds.Single()).Should().Equal(first.Id, second.Id);
        history.Select(r => r.MergedAt).Should().BeInAscendingOrder();
        (await store.GetMergeHistoryAsync(TenantA, bystander.Id, CancellationToken.None).ConfigureAwait(false)).Should().BeEmpty();
        (await store.GetMergeHistoryAsync(TenantB, survivor.Id, CancellationToken.None).ConfigureAwait(false)).Should().BeEmpty();
    }

    /// <summary>A dry run records nothing.</summary>
    [Fact]
    public async Task A_dry_run_records_no_merge()
    {
        var store = CreateStore();
        var manager = CreateManager(store);
        var survivor = await manager.CreateAsync(TenantA, Draft("keep@example.com", "Keep")).ConfigureAwait(false);
        var absorbed = await manager.CreateAsync(TenantA, Draft("gone@example.com", "Gone")).ConfigureAwait(false);

        await CreateMerger(store).MergeAsync(TenantA, new MergeRequest { SurvivorId = survivor.Id, AbsorbedIds = [absorbed.Id], DryRun = true }).ConfigureAwait(false);

        (await store.GetMergeHistoryAsync(TenantA, survivor.Id, CancellationToken.None).ConfigureAwait(false)).Should().BeEmpty();
        (await store.FindByIdAsync(TenantA, absorbed.Id, CancellationToken.None).ConfigureAwait(false))!.Status.Should().Be(ContactStatus.Active);
    }
}
