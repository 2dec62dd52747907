namespace Crm.Interactions.Support;

/// <summary>Support-case settings: tracking codes, the default SLA policy, related-case linking.</summary>
public sealed class SupportOptions
{
    /// <summary>The tracking-code format of tenants without their own (default <c>Case-1</c>, <c>Case-2</c>, …).</summary>
    public TrackingCodeFormat TrackingCodes { get; } = new();

    /// <summary>Per-tenant tracking-code formats, keyed by tenant id.</summary>
    public IDictionary<string, TrackingCodeFormat> TenantTrackingCodes { get; } = new Dictionary<string, TrackingCodeFormat>(StringComparer.Ordinal);

    /// <summary>The SLA policy of every tenant (default none); register an <see cref="ISlaPolicyProvider"/> for per-tenant policies.</summary>
    public SlaPolicy? SlaPolicy { get; set; }

    /// <summary>How many of the contact's earlier cases in the same category a new case links to automatically (0–100, default 5; 0 turns it off).</summary>
    public int AutoLinkRelatedCases { get; set; } = 5;

    /// <summary>How many times opening a case retries after a concurrent case took the same sequence number (1–100,000, default 10,000).</summary>
    public int MaxTrackingCodeAttempts { get; set; } = 10_000;

    /// <summary>The format for <paramref name="tenantId"/>.</summary>
    public TrackingCodeFormat FormatFor(TenantId tenantId) => TenantTrackingCodes.TryGetValue(tenantId.Value, out var format) ? format : TrackingCodes;

    /// <summary>The broken rules, each naming the field.</summary>
    public IEnumerable<string> Validate()
    {
        foreach (var failure in TrackingCodes.Validate("SupportOptions.TrackingCodes"))
        {
            yield return failure;
        }

        foreach (var (tenant, format) in TenantTrackingCodes)
        {
            if (!TenantId.TryParse(tenant, out _) || format is null)
            {
                yield return $"SupportOptions.TenantTrackingCodes has an invalid tenant id or a null format (key '{tenant}').";
                continue;
            }

            foreach (var failure in format.Validate($"SupportOptions.TenantTrackingCodes[{tenant}]"))
            {
                yield return failure;
            }
        }

        if (AutoLinkRelatedCases is < 0 or > 100)
        {
            yield return $"SupportOptions.AutoLinkRelatedCases must be between 0 and 100 (was {AutoLinkRelatedCases}).";
        }

        if (MaxTrackingCodeAttempts is < 1 or > 100_000)
        {
            yield return $"SupportOptions.MaxTrackingCodeAttempts must be between 1 and 100000 (was {MaxTrackingCodeAttempts}).";
        }
    }
}
