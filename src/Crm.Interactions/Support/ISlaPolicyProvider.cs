namespace Crm.Interactions.Support;

/// <summary>Supplies a tenant's SLA policy; the default reads <see cref="SupportOptions.SlaPolicy"/>, a host registers its own for per-tenant policies.</summary>
public interface ISlaPolicyProvider
{
    /// <summary>The tenant's policy, or <see langword="null"/> when its cases have no SLA.</summary>
    ValueTask<SlaPolicy?> GetPolicyAsync(TenantId tenantId, CancellationToken cancellationToken);
}
