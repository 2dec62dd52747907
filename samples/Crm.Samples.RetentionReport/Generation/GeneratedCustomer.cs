using NodaTime;

namespace Crm.Samples.RetentionReport.Generation;

/// <summary>One customer of the generated base.</summary>
/// <param name="Name">A display name.</param>
/// <param name="Acquired">The instant of the first purchase.</param>
/// <param name="ReferredBy">The index of the customer who referred this one, or null.</param>
internal sealed record GeneratedCustomer(string Name, Instant Acquired, int? ReferredBy);
