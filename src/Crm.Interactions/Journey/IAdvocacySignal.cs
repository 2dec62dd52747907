using NodaTime;

namespace Crm.Interactions.Journey;

/// <summary>Host-provided evidence that a contact recommends the business, beyond NPS responses: a referral made, a review written, a case study given.</summary>
/// <remarks>
/// Crm.Interactions does not reference Crm.Contacts, where referrals live: a host that wants referrals to count as
/// <see cref="JourneyStage.Advocacy"/> registers an implementation (e.g. reading its referral store), which
/// <see cref="JourneyManager"/> asks only for contacts that reached <see cref="JourneyStage.Purchase"/>. Every registered
/// signal is asked; the earliest answer wins. None is registered by default.
/// </remarks>
public interface IAdvocacySignal
{
    /// <summary>The earliest instant strictly after <paramref name="after"/> at which the contact advocated, or <see langword="null"/> when it has not.</summary>
    ValueTask<Instant?> FindFirstAdvocacyAsync(TenantId tenantId, ContactId contactId, Instant after, CancellationToken cancellationToken);
}
