using Crm.Contacts.Referrals;
using Crm.Contacts.Storage;
using Crm.Contacts.Tests.TestSupport;
using FsCheck;
using FsCheck.Xunit;
using static Crm.Contacts.Tests.TestSupport.ContactsHarness;

namespace Crm.Contacts.Tests.Referrals;

/// <summary>Invariants of the referral graph under any sequence of operations, checked against a brute-force model.</summary>
public sealed class ReferralGraphProperties
{
    private const int Contacts = 12;

    [Property(MaxTest = 200)]
    public bool RandomOperations_NeverCreateACycleOrASecondReferrer_AndRejectExactlyTheIllegalOnes(byte[] operations)
    {
        var h = new ContactsHarness();
        var ids = h.SeedAsync(Contacts).GetAwaiter().GetResult();
        var model = new Dictionary<ContactId, ContactId>();
        for (var i = 0; i + 1 < operations.Length; i += 2)
        {
            var referee = ids[operations[i] % Contacts];
            var referrer = ids[operations[i + 1] % Contacts];
            var expectedLegal = referee != referrer
                && (!model.TryGetValue(referee, out var existing) || existing == referrer)
                && !IsAncestorOrSelf(model, referee, referrer);
            bool accepted;
            try
            {
                h.Referrals.RecordReferralAsync(TenantA, referee, referrer).GetAwaiter().GetResult();
                accepted = true;
            }
            catch (CrmException)
            {
                accepted = false;
            }

            if (accepted != expectedLegal)
            {
                return false;
            }

            if (accepted)
            {
                model[referee] = referrer;
            }
        }

        var stored = AllEdges(h);
        ReferralGraphAssert.IsForest(stored);
        return stored.Count == model.Count && stored.All(e => model[e.RefereeId] == e.ReferrerId);
    }

    [Property(MaxTest = 100)]
    public bool ChainLength_EqualsDepthInTheRootsDownline_AndLongestChainIsTheDeepest(byte[] parents)
    {
        var h = new ContactsHarness();
        var ids = h.SeedAsync(Contacts).GetAwaiter().GetResult();

        // Build a random forest: contact i may be referred by some contact j < i (never a cycle).
        var model = new Dictionary<ContactId, ContactId>();
        for (var i = 1; i < Contacts && i <= parents.Length; i++)
        {
            var choice = parents[i - 1] % (i + 1);
            if (choice < i)
            {
                h.Referrals.RecordReferralAsync(TenantA, ids[i], ids[choice]).GetAwaiter().GetResult();
                model[ids[i]] = ids[choice];
            }
        }

        foreach (var id in ids)
        {
            var chain = h.Referrals.GetChainAsync(TenantA, id).GetAwaiter().GetResult();
            var depth = ReferralGraphAssert.DepthOf(model, id);
            if (chain.Length != depth || chain.Last != id)
            {
                return false;
            }

            var downline = h.Referrals.GetDownlineAsync(TenantA, chain.Root).GetAwaiter().GetResult();
            if (depth > 0 && downline.Single(e => e.ContactId == id).Depth != depth)
            {
                return false;
            }
        }

        var golden = h.Analytics.GetLongestChainAsync(TenantA).GetAwaiter().GetResult();
        var deepest = ids.Max(id => ReferralGraphAssert.DepthOf(model, id));
        return model.Count == 0 ? golden is null : golden!.Length == deepest && ReferralGraphAssert.DepthOf(model, golden.Last) == deepest;
    }

    private static bool IsAncestorOrSelf(Dictionary<ContactId, ContactId> model, ContactId candidate, ContactId of)
    {
        var current = of;
        while (true)
        {
            if (current == candidate)
            {
                return true;
            }

            if (!model.TryGetValue(current, out current))
            {
                return false;
            }
        }
    }

    private static List<Referral> AllEdges(ContactsHarness h)
    {
        var edges = new List<Referral>();
        var e = ((IReferralStore)h.Store).GetAllReferralsAsync(TenantA, CancellationToken.None).GetAsyncEnumerator();
        while (e.MoveNextAsync().AsTask().GetAwaiter().GetResult())
        {
            edges.Add(e.Current);
        }

        return edges;
    }
}
