using Crm.Contacts.Profile;

namespace Crm.Loyalty.Referrals;

/// <summary>Marks the built-in checks, which <see cref="ReferralRewardOptions.DefaultAbuseChecks"/> turns off.</summary>
internal interface IBuiltInReferralCheck : IReferralAbuseCheck;

/// <summary>Rejects a claim whose referee is the referrer.</summary>
internal sealed class SelfReferralCheck : IBuiltInReferralCheck
{
    public ValueTask<string?> CheckAsync(ReferralAbuseContext context, CancellationToken cancellationToken)
        => ValueTask.FromResult(context.Claim.RefereeId == context.Claim.ReferrerId ? ReferralRejectionCodes.SelfReferral : null);
}

/// <summary>Rejects a claim whose referee is up the referrer's chain in the Crm.Contacts graph: a cycle of any length, not just A↔B.</summary>
internal sealed class ReferralCycleCheck : IBuiltInReferralCheck
{
    public ValueTask<string?> CheckAsync(ReferralAbuseContext context, CancellationToken cancellationToken)
        => ValueTask.FromResult(context.ReferrerAncestors.Contains(context.Claim.RefereeId) ? ReferralRejectionCodes.Cycle : null);
}

/// <summary>Rejects a claim whose two contacts share an e-mail address in Crm.Contacts' normalized form with the <c>+tag</c> of the local part stripped.</summary>
internal sealed class SharedEmailCheck : IBuiltInReferralCheck
{
    public ValueTask<string?> CheckAsync(ReferralAbuseContext context, CancellationToken cancellationToken)
    {
        if (context.Referrer is not { } referrer || context.Referee is not { } referee)
        {
            return ValueTask.FromResult<string?>(null);
        }

        var mine = referrer.Emails.Select(StripTag).ToHashSet(StringComparer.Ordinal);
        return ValueTask.FromResult(referee.Emails.Any(e => mine.Contains(StripTag(e))) ? ReferralRejectionCodes.SharedEmail : null);
    }

    /// <summary>The normalized address with any <c>+tag</c> removed from the local part (<c>ann+promo@x.com</c> → <c>ann@x.com</c>).</summary>
    internal static string StripTag(EmailAddress email)
    {
        var normalized = email.NormalizedAddress;
        var at = normalized.LastIndexOf('@');
        var plus = at > 0 ? normalized.IndexOf('+', 0, at) : -1;
        return plus > 0 ? string.Concat(normalized.AsSpan(0, plus), normalized.AsSpan(at)) : normalized;
    }
}

/// <summary>Rejects a claim whose two contacts share a phone number (E.164, extension ignored).</summary>
internal sealed class SharedPhoneCheck : IBuiltInReferralCheck
{
    public ValueTask<string?> CheckAsync(ReferralAbuseContext context, CancellationToken cancellationToken)
    {
        if (context.Referrer is not { } referrer || context.Referee is not { } referee)
        {
            return ValueTask.FromResult<string?>(null);
        }

        var mine = referrer.PhoneNumbers.Select(p => p.E164).ToHashSet(StringComparer.Ordinal);
        return ValueTask.FromResult(referee.PhoneNumbers.Any(p => mine.Contains(p.E164)) ? ReferralRejectionCodes.SharedPhone : null);
    }
}

/// <summary>Rejects a claim whose two contacts share a host-supplied device or payment fingerprint.</summary>
internal sealed class SharedFingerprintCheck : IBuiltInReferralCheck
{
    public ValueTask<string?> CheckAsync(ReferralAbuseContext context, CancellationToken cancellationToken)
        => ValueTask.FromResult(context.Claim.RefereeFingerprints.Overlaps(context.Claim.ReferrerFingerprints) ? ReferralRejectionCodes.SharedFingerprint : null);
}
