using Crm.Contacts.Referrals;
using Crm.Contacts.Storage;

namespace Crm.Contacts.Merging;

/// <summary>Reads the referral edges around the merged contacts and computes how they move to the survivor.</summary>
/// <remarks>
/// The merged contacts are collapsed into the survivor. Rules, which keep the graph a forest (no cycle, no
/// self-referral, at most one referrer each):
/// <list type="number">
/// <item>Every referee of an absorbed contact that is not itself part of the merge is re-pointed to the survivor, keeping its
/// referral date and request.</item>
/// <item>Edges between merged contacts (an absorbed contact referred the survivor or another absorbed one, or the reverse)
/// are removed: they would become self-referrals.</item>
/// <item>The survivor keeps its own referrer when that referrer is outside the merge and not in the downline of any
/// merged contact. Otherwise it inherits the earliest (by referral date, then request order) referrer of an absorbed
/// contact that is not in the downline of any merged contact. A referrer in that downline would close a cycle (e.g.
/// absorbed a referred c, c referred the survivor: c moves under the survivor, so "c referred the survivor" is dropped).
/// The other referrers' edges are dropped (a contact has one referrer).</item>
/// </list>
/// The graph version is read first and the change set is guarded by it, so the whole computation sees one graph. The
/// referees of all absorbed contacts are read with one store call (<see cref="IReferralStore.GetReferralsByReferrersAsync"/>).
/// </remarks>
internal static class ReferralRepointer
{
    public static async Task<(IReadOnlyList<Referral> Removed, IReadOnlyList<Referral> Added, long Version)> PlanAsync(
        IReferralStore referrals, TenantId tenantId, ContactId survivorId, IReadOnlyList<ContactId> absorbedIds, CancellationToken cancellationToken)
    {
        var version = await referrals.GetGraphVersionAsync(tenantId, cancellationToken).ConfigureAwait(false);
        var merged = new HashSet<ContactId>(absorbedIds) { survivorId };
        var removed = new Dictionary<ContactId, Referral>(); // by referee
        var added = new List<Referral>();

        // The survivor's own referral is re-checked like an inherited one: its referrer may be in an absorbed contact's
        // downline (a → c → survivor), and keeping it while c moves under the survivor would close a cycle.
        var survivorReferral = await referrals.FindReferralAsync(tenantId, survivorId, cancellationToken).ConfigureAwait(false);
        if (survivorReferral is not null)
        {
            removed[survivorId] = survivorReferral;
        }

        var inheritable = new List<Referral>();
        foreach (var absorbedId in absorbedIds)
        {
            if (await referrals.FindReferralAsync(tenantId, absorbedId, cancellationToken).ConfigureAwait(false) is { } own)
            {
                removed[absorbedId] = own;
                if (!merged.Contains(own.ReferrerId))
                {
                    inheritable.Add(own);
                }
            }
        }

        // Every referee of every absorbed contact, in one store call however many there are.
        var absorbedSet = absorbedIds.ToHashSet();
        foreach (var edge in await referrals.GetReferralsByReferrersAsync(tenantId, absorbedIds, cancellationToken).ConfigureAwait(false))
        {
            if (!absorbedSet.Contains(edge.ReferrerId))
            {
                throw new InvalidOperationException($"The referral store returned the referral of '{edge.RefereeId}' by '{edge.ReferrerId}', who is not one of the referrers asked for.");
            }

            if (merged.Contains(edge.RefereeId))
            {
                continue; // Edges into merged contacts are handled as their own referrals above.
            }

            removed[edge.RefereeId] = edge;
            added.Add(new Referral(edge.RefereeId, survivorId, edge.ReferredAt, edge.RequestId));
        }

        // The survivor's own referrer first, then the absorbed contacts' referrers, earliest first (OrderBy is stable, so
        // ties keep request order); the first one outside every merged contact's downline becomes the survivor's referrer.
        var candidates = inheritable.OrderBy(r => r.ReferredAt).ToList();
        if (survivorReferral is not null && !merged.Contains(survivorReferral.ReferrerId))
        {
            candidates.Insert(0, survivorReferral);
        }

        foreach (var candidate in candidates)
        {
            var chain = await referrals.GetChainAsync(tenantId, candidate.ReferrerId, cancellationToken).ConfigureAwait(false);
            if (chain.GraphVersion != version)
            {
                throw new ConcurrencyConflictException("referral graph", version.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            if (chain.Referrals.Any(r => merged.Contains(r.ReferrerId)))
            {
                continue; // The referrer is in a merged contact's downline: inheriting it would close a cycle.
            }

            if (ReferenceEquals(candidate, survivorReferral))
            {
                removed.Remove(survivorId); // The survivor keeps its referral as it is.
            }
            else
            {
                added.Add(new Referral(survivorId, candidate.ReferrerId, candidate.ReferredAt, candidate.RequestId));
            }

            break;
        }

        return (removed.Values.ToArray(), added, version);
    }
}
