using Crm.Privacy;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Lets packages and hosts take part in personal-data export and erasure.</summary>
public static class CrmPersonalDataBuilderExtensions
{
    /// <summary>Registers <typeparamref name="TContributor"/> (scoped) as an <see cref="IPersonalDataContributor"/>, so the contacts package's <c>PersonalDataManager</c> includes it in every export and erasure.</summary>
    /// <remarks>
    /// Registered with <c>TryAddEnumerable</c>: adding the same type twice registers it once. Contributors run after the
    /// contacts package's own, in registration order. Names must be unique; a clash is reported when
    /// <c>PersonalDataManager</c> is resolved.
    /// </remarks>
    /// <typeparam name="TContributor">The contributor type.</typeparam>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static CrmBuilder AddPersonalDataContributor<TContributor>(this CrmBuilder builder)
        where TContributor : class, IPersonalDataContributor
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Scoped<IPersonalDataContributor, TContributor>());
        return builder;
    }
}
