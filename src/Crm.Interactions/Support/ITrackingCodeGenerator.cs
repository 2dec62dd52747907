namespace Crm.Interactions.Support;

/// <summary>Turns the tenant's case sequence number into a human-readable tracking code; register your own to change the scheme.</summary>
/// <remarks>
/// The sequence number comes from a version counter the store advances atomically with the case, so each number is
/// handed out once per tenant. The generator must be deterministic and injective per tenant (different numbers, different
/// codes). A code that is already taken (an imported legacy code) is skipped: the number is burnt and the next one tried.
/// </remarks>
public interface ITrackingCodeGenerator
{
    /// <summary>The code of the tenant's <paramref name="sequence"/>-th issued case (from 0).</summary>
    string Generate(TenantId tenantId, long sequence);
}
