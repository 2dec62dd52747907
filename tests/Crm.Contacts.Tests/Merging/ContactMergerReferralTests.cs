using Crm.Contacts.Duplicates;
using Crm.Contacts.Merging;
using Crm.Contacts.Tests.TestSupport;
using FsCheck;
using FsCheck.Fluent;
using static Crm.Contacts.Tests.TestSupport.DuplicatesHarness;

namespace Crm.Contacts.Tests.Merging;

public sealed class ContactMergerReferralTests
{
    private static DuplicatesHarness NewHarness() => new(o => o.Duplicates.OnCreate = DuplicateCreateAction.Allow);

    [Fact]
    public async Task RefereesOfAnAbsorbedContact_AreRepointedToTheSurvivor_KeepingTheirDates()
    {
        var h = NewHarness();
        var c = await h.CreateManyAsync(4);
        var (s, a, r1, r2) = (c[0], c[1], c[2], c[3]);
        await h.ReferAsync(r1.Id, a.Id);
        await h.ReferAsync(r2.Id, a.Id);
        var before = await h.Store.FindReferralAsync(Tenant, r1.Id, CancellationToken.None);

        var result = await h.MergeAsync(s.Id, a.Id);

        var map = await h.ReferrerMapAsync();
        map[r1.Id].Should().Be(s.Id);
        map[r2.Id].Should().Be(s.Id);
        (await h.Store.FindReferralAsync(Tenant, r1.Id, CancellationToken.None))!.ReferredAt.Should().Be(before!.ReferredAt);
        result.Record.ReferralsAdded.Should().HaveCount(2);
        result.Record.ReferralsRemoved.Should().HaveCount(2);
    }

    [Fact]
    public async Task SurvivorWithoutReferrer_InheritsTheAbsorbedContactsReferrer()
    {
        var h = NewHarness();
        var c = await h.CreateManyAsync(3);
        var (s, a, referrer) = (c[0], c[1], c[2]);
        await h.ReferAsync(a.Id, referrer.Id);

        await h.MergeAsync(s.Id, a.Id);

        var map = await h.ReferrerMapAsync();
        map.Should().Equal(new Dictionary<ContactId, ContactId> { [s.Id] = referrer.Id });
    }

    [Fact]
    public async Task SurvivorWithAReferrer_KeepsIt_AndTheAbsorbedReferrerIsDropped()
    {
        var h = NewHarness();
        var c = await h.CreateManyAsync(4);
        var (s, a, own, other) = (c[0], c[1], c[2], c[3]);
        await h.ReferAsync(s.Id, own.Id);
        await h.ReferAsync(a.Id, other.Id);

        await h.MergeAsync(s.Id, a.Id);

        (await h.ReferrerMapAsync()).Should().Equal(new Dictionary<ContactId, ContactId> { [s.Id] = own.Id });
        h.MergerLogger.Collector.GetSnapshot().Should().Contain(r => r.Id.Id == ContactsEventIds.MergeReferralsDropped);
    }

    [Fact]
    public async Task AbsorbedReferrerInTheSurvivorsDownline_IsDropped_NoCycle()
    {
        var h = NewHarness();
        var c = await h.CreateManyAsync(3);
        var (s, x, a) = (c[0], c[1], c[2]);
        await h.ReferAsync(x.Id, s.Id); // s referred x
        await h.ReferAsync(a.Id, x.Id); // x referred a: inheriting x as s's referrer would close s → x → s

        await h.MergeAsync(s.Id, a.Id);

        (await h.ReferrerMapAsync()).Should().Equal(new Dictionary<ContactId, ContactId> { [x.Id] = s.Id });
    }

    [Fact]
    public async Task SurvivorsOwnReferrerInTheAbsorbedDownline_IsDropped_NoCycle()
    {
        // Found by the property test: a referred c, c referred the survivor. c moves under the survivor, so keeping
        // "c referred the survivor" would close survivor → c → survivor.
        var h = NewHarness();
        var c = await h.CreateManyAsync(3);
        var (s, a, middle) = (c[0], c[1], c[2]);
        await h.ReferAsync(middle.Id, a.Id);
        await h.ReferAsync(s.Id, middle.Id);

        await h.MergeAsync(s.Id, a.Id);

        (await h.ReferrerMapAsync()).Should().Equal(new Dictionary<ContactId, ContactId> { [middle.Id] = s.Id });
    }

    [Fact]
    public async Task EdgesBetweenMergedContacts_AreRemoved_NoSelfReferral()
    {
        var h = NewHarness();
        var c = await h.CreateManyAsync(4);
        var (s, a, b, r) = (c[0], c[1], c[2], c[3]);
        await h.ReferAsync(a.Id, s.Id); // survivor referred a
        await h.ReferAsync(s.Id, b.Id); // b referred the survivor
        await h.ReferAsync(b.Id, r.Id); // r referred b: s's referrer is absorbed, so s inherits r

        await h.Merger.MergeAsync(Tenant, new MergeRequest { SurvivorId = s.Id, AbsorbedIds = [a.Id, b.Id] });

        (await h.ReferrerMapAsync()).Should().Equal(new Dictionary<ContactId, ContactId> { [s.Id] = r.Id });
    }

    [Fact]
    public async Task WithSeveralAbsorbedReferrers_TheEarliestValidOneIsInherited()
    {
        var h = NewHarness();
        var c = await h.CreateManyAsync(5);
        var (s, a, b, early, late) = (c[0], c[1], c[2], c[3], c[4]);
        await h.ReferAsync(b.Id, early.Id);
        await h.ReferAsync(a.Id, late.Id);

        await h.Merger.MergeAsync(Tenant, new MergeRequest { SurvivorId = s.Id, AbsorbedIds = [a.Id, b.Id] });

        (await h.ReferrerMapAsync()).Should().Equal(new Dictionary<ContactId, ContactId> { [s.Id] = early.Id });
    }

    /// <summary>
    /// Random forests of up to 16 contacts, then random merges (survivor + 1–3 absorbed among the active contacts):
    /// after each merge the graph has no cycle and no self-referral, each contact at most one referrer, no edge touches a
    /// merged contact, and every former referee of an absorbed contact outside the merge is referred by the survivor.
    /// </summary>
    [FsCheck.Xunit.Property(MaxTest = 150)]
    public Property RandomMerges_KeepTheReferralGraphAForest(byte[] graphSpec, byte[] mergeSpec)
    {
        graphSpec ??= [];
        mergeSpec ??= [];
        var failure = Check(graphSpec, mergeSpec).GetAwaiter().GetResult();
        return (failure is null).ToProperty().Label(failure ?? "ok");
    }

    private static async Task<string?> Check(byte[] graphSpec, byte[] mergeSpec)
    {
        var h = NewHarness();
        var n = Math.Clamp(graphSpec.Length, 2, 16);
        var contacts = (await h.CreateManyAsync(n)).Select(c => c.Id).ToList();
        for (var i = 1; i < n; i++)
        {
            var parent = i < graphSpec.Length ? graphSpec[i] % (i + 1) : i;
            if (parent != i)
            {
                await h.ReferAsync(contacts[i], contacts[parent]);
            }
        }

        var active = contacts.ToList();
        for (var k = 0; k + 2 < mergeSpec.Length && active.Count >= 2; k += 3)
        {
            var survivor = active[mergeSpec[k] % active.Count];
            var others = active.Where(id => id != survivor).ToList();
            var count = 1 + (mergeSpec[k + 1] % Math.Min(3, others.Count));
            var absorbed = Enumerable.Range(0, count).Select(j => others[(mergeSpec[k + 2] + j) % others.Count]).Distinct().ToArray();
            var before = await h.ReferrerMapAsync();

            await h.Merger.MergeAsync(Tenant, new MergeRequest { SurvivorId = survivor, AbsorbedIds = absorbed });
            active.RemoveAll(absorbed.Contains);

            var after = await h.ReferrerMapAsync();
            var merged = absorbed.Append(survivor).ToHashSet();
            foreach (var (referee, referrer) in after)
            {
                if (referee == referrer)
                {
                    return $"self-referral of {referee}";
                }

                if (!active.Contains(referee) || !active.Contains(referrer))
                {
                    return "an edge touches a merged contact";
                }
            }

            foreach (var start in after.Keys)
            {
                var seen = new HashSet<ContactId> { start };
                for (var node = start; after.TryGetValue(node, out var up); node = up)
                {
                    if (!seen.Add(up))
                    {
                        return "cycle";
                    }
                }
            }

            foreach (var (referee, referrer) in before)
            {
                if (absorbed.Contains(referrer) && !merged.Contains(referee) && after.GetValueOrDefault(referee) != survivor)
                {
                    return $"referee {referee} of an absorbed contact is not referred by the survivor";
                }

                if (!merged.Contains(referee) && !merged.Contains(referrer) && after.GetValueOrDefault(referee) != referrer)
                {
                    return "an edge outside the merge changed";
                }
            }
        }

        return null;
    }
}
