namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Configures CrmCore services; each package adds its own extension methods (<c>AddContacts</c>, <c>AddLoyalty</c>, …).</summary>
public sealed class CrmBuilder
{
    internal CrmBuilder(IServiceCollection services) => Services = services;

    /// <summary>The service collection being configured.</summary>
    public IServiceCollection Services { get; }
}
