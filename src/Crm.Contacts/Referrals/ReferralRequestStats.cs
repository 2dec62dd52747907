namespace Crm.Contacts.Referrals;

/// <summary>How a contact responds to being asked for referrals.</summary>
/// <param name="Asked">Requests made to the contact.</param>
/// <param name="Accepted">Requests answered <see cref="ReferralRequestOutcome.Accepted"/>.</param>
/// <param name="Declined">Requests answered <see cref="ReferralRequestOutcome.Declined"/>.</param>
/// <param name="NoAnswer">Requests closed <see cref="ReferralRequestOutcome.NoAnswer"/>.</param>
/// <param name="Pending">Requests still waiting for an answer.</param>
/// <param name="ReferralsFollowed">Referrals recorded with one of these requests as their <see cref="Referral.RequestId"/>.</param>
public readonly record struct ReferralRequestStats(int Asked, int Accepted, int Declined, int NoAnswer, int Pending, int ReferralsFollowed)
{
    /// <summary>Share of closed requests (not pending) that got an answer, accepted or declined; <see langword="null"/> when none is closed.</summary>
    public double? ResponseRate => Asked - Pending == 0 ? null : (double)(Accepted + Declined) / (Asked - Pending);

    /// <summary>Referrals that followed per request made; <see langword="null"/> when the contact was never asked.</summary>
    public double? ReferralsPerRequest => Asked == 0 ? null : (double)ReferralsFollowed / Asked;
}
