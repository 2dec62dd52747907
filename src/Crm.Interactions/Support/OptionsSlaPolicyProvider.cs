using Microsoft.Extensions.Options;

namespace Crm.Interactions.Support;

/// <summary>The default <see cref="ISlaPolicyProvider"/>: the same <see cref="SupportOptions.SlaPolicy"/> for every tenant.</summary>
public sealed class OptionsSlaPolicyProvider : ISlaPolicyProvider
{
    private readonly SlaPolicy? _policy;

    /// <summary>Creates the provider.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public OptionsSlaPolicyProvider(IOptions<InteractionOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _policy = options.Value.Support.SlaPolicy;
    }

    /// <inheritdoc />
    public ValueTask<SlaPolicy?> GetPolicyAsync(TenantId tenantId, CancellationToken cancellationToken)
    {
        TenantId.ThrowIfEmpty(tenantId);
        return ValueTask.FromResult(_policy);
    }
}
