namespace Crm.Contacts.Referrals;

/// <summary>How many contacts a referrer brought, directly and through the people they referred.</summary>
/// <param name="Direct">Contacts the referrer referred themselves (depth 1).</param>
/// <param name="Indirect">Contacts referred further down the referrer's downline (depth 2 and more).</param>
public readonly record struct ReferralCounts(int Direct, int Indirect)
{
    /// <summary>The whole downline: <see cref="Direct"/> + <see cref="Indirect"/>.</summary>
    public int Total => Direct + Indirect;
}
