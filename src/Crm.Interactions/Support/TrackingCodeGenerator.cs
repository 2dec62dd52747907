using Microsoft.Extensions.Options;

namespace Crm.Interactions.Support;

/// <summary>The default <see cref="ITrackingCodeGenerator"/>: the tenant's <see cref="TrackingCodeFormat"/> from <see cref="SupportOptions"/>.</summary>
public sealed class TrackingCodeGenerator : ITrackingCodeGenerator
{
    private readonly SupportOptions _options;

    /// <summary>Creates the generator.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public TrackingCodeGenerator(IOptions<InteractionOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value.Support;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sequence"/> is negative.</exception>
    public string Generate(TenantId tenantId, long sequence)
    {
        TenantId.ThrowIfEmpty(tenantId);
        return _options.FormatFor(tenantId).Format(sequence);
    }
}
