using Crm.Contacts.Referrals;

namespace Crm.Contacts.Tests.TestSupport;

/// <summary>Checks the invariants of a referral graph by brute force: one referrer each, no self-referral, no cycle.</summary>
internal static class ReferralGraphAssert
{
    public static void IsForest(IEnumerable<Referral> edges)
    {
        var referrerOf = new Dictionary<ContactId, ContactId>();
        foreach (var edge in edges)
        {
            edge.RefereeId.Should().NotBe(edge.ReferrerId, "no contact refers itself");
            referrerOf.TryAdd(edge.RefereeId, edge.ReferrerId).Should().BeTrue($"contact {edge.RefereeId} has at most one referrer");
        }

        foreach (var start in referrerOf.Keys)
        {
            var seen = new HashSet<ContactId> { start };
            var current = start;
            while (referrerOf.TryGetValue(current, out var next))
            {
                seen.Add(next).Should().BeTrue($"the chain from {start} must not revisit {next}");
                current = next;
            }
        }
    }

    /// <summary>The depth of every contact below its root, by walking up (brute force).</summary>
    public static int DepthOf(IReadOnlyDictionary<ContactId, ContactId> referrerOf, ContactId contact)
    {
        var depth = 0;
        while (referrerOf.TryGetValue(contact, out var next))
        {
            depth++;
            contact = next;
        }

        return depth;
    }
}
