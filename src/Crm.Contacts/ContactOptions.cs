namespace Crm.Contacts;

/// <summary>Settings of the contacts package, configured with <c>builder.AddContacts(o => …)</c> and validated at start-up.</summary>
public sealed class ContactOptions
{
    /// <summary>The largest value allowed for the <c>Max…</c> limits.</summary>
    public const int MaxLimit = 10_000;

    /// <summary>The region (ISO 3166-1 alpha-2, e.g. <c>GB</c>) of phone numbers entered in national format; <see langword="null"/> (the default) accepts only international input (<c>+44…</c>).</summary>
    public string? DefaultPhoneRegion { get; set; }

    /// <summary>Whether a grant on the <see cref="Consent.LawfulBasis.Consent"/> basis awaits confirmation (double opt-in) before it allows processing. Default <see langword="true"/>.</summary>
    public bool RequireDoubleOptIn { get; set; } = true;

    /// <summary>The most email addresses one contact may have (1–<see cref="MaxLimit"/>, default 10).</summary>
    public int MaxEmailAddresses { get; set; } = 10;

    /// <summary>The most phone numbers one contact may have (1–<see cref="MaxLimit"/>, default 10).</summary>
    public int MaxPhoneNumbers { get; set; } = 10;

    /// <summary>The most tags one contact may have (1–<see cref="MaxLimit"/>, default 200).</summary>
    public int MaxTags { get; set; } = 200;

    /// <summary>The most custom attributes one contact may have (1–<see cref="MaxLimit"/>, default 200).</summary>
    public int MaxCustomAttributes { get; set; } = 200;

    /// <summary>Whether referral features are used; the registered <see cref="Storage.IContactStore"/> must then implement <see cref="Storage.IReferralStore"/> (checked at start-up). Default <see langword="true"/>.</summary>
    public bool EnableReferrals { get; set; } = true;

    /// <summary>How long idempotency keys are kept at least: <see cref="ContactManager.PurgeIdempotencyKeysAsync"/> removes older ones (default 7 days; must be positive).</summary>
    /// <remarks>A client may repeat a command safely within this time; after a purge a repeat creates a new contact.</remarks>
    public NodaTime.Duration IdempotencyKeyRetention { get; set; } = NodaTime.Duration.FromDays(7);

    /// <summary>Duplicate detection: rules, candidate limit, and what create does on a match (off by default).</summary>
    public Duplicates.DuplicateOptions Duplicates { get; } = new();
}
