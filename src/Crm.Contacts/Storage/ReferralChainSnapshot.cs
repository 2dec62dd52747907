using Crm.Contacts.Referrals;

namespace Crm.Contacts.Storage;

/// <summary>A referral chain read at one version of the referral graph.</summary>
/// <param name="Referrals">The edges from the contact up to its root referrer; empty when nobody referred the contact.</param>
/// <param name="GraphVersion">The graph version the chain was read at.</param>
public sealed record ReferralChainSnapshot(IReadOnlyList<Referral> Referrals, long GraphVersion);
