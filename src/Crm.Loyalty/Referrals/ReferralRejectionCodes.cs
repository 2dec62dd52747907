namespace Crm.Loyalty.Referrals;

/// <summary>The stable codes of the built-in reasons a referral claim is rejected; a host's own <see cref="IReferralAbuseCheck"/> may use its own codes.</summary>
public static class ReferralRejectionCodes
{
    /// <summary>The referee already has a referrer: attribution binds once, the first referral wins.</summary>
    public const string AlreadyAttributed = "already-attributed";

    /// <summary>The referee and the referrer are the same contact.</summary>
    public const string SelfReferral = "self-referral";

    /// <summary>The referee is already up the referrer's chain in the Crm.Contacts referral graph (a cycle of any length).</summary>
    public const string Cycle = "referral-cycle";

    /// <summary>The two contacts share an e-mail address once normalized (case, punycode, <c>+tag</c> stripped).</summary>
    public const string SharedEmail = "shared-email";

    /// <summary>The two contacts share a phone number (E.164).</summary>
    public const string SharedPhone = "shared-phone";

    /// <summary>The two contacts share a host-supplied device or payment fingerprint.</summary>
    public const string SharedFingerprint = "shared-fingerprint";

    /// <summary>Checks a rejection code: 1 to 64 printable ASCII characters without spaces.</summary>
    /// <exception cref="ArgumentException">The code breaks the rule.</exception>
    public static string Validate(string? code, string paramName)
    {
        if (string.IsNullOrEmpty(code) || code.Length > 64 || !IdempotencyKey.TryParse(code, out _))
        {
            throw new ArgumentException("A referral rejection code must be 1 to 64 printable ASCII characters without spaces.", paramName);
        }

        return code;
    }
}
