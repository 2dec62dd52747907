namespace Crm.Loyalty.Referrals;

/// <summary>One abuse check run on every referral claim before it is attributed; register more with <c>builder.AddReferralAbuseCheck&lt;T&gt;()</c>.</summary>
/// <remarks>Checks run in registration order and the first rejection wins. The defaults (self-referral, cycles, shared
/// e-mail, phone and fingerprint) are on unless <see cref="ReferralRewardOptions.DefaultAbuseChecks"/> is turned off.</remarks>
public interface IReferralAbuseCheck
{
    /// <summary>The rejection code (<see cref="ReferralRejectionCodes"/> or the host's own) when the claim must be rejected, else <see langword="null"/>.</summary>
    ValueTask<string?> CheckAsync(ReferralAbuseContext context, CancellationToken cancellationToken);
}
