using System.Globalization;
using NodaTime;

namespace Crm.Metrics.Service;

/// <summary>The facts of one service case (ticket, request) that the service metrics read.</summary>
/// <remarks>
/// A case without <see cref="FirstResponse"/> was never answered. A case is resolved at first contact when it was
/// resolved with <see cref="ContactsToResolve"/> = 1; when the count is unknown the case is left out of the
/// first-contact-resolution rate.
/// </remarks>
public sealed class CaseFacts
{
    /// <summary>Creates the facts of one case.</summary>
    /// <param name="opened">When the customer opened the case.</param>
    /// <param name="firstResponse">When the team first answered, or <see langword="null"/> if it never did.</param>
    /// <param name="resolved">When the case was resolved, or <see langword="null"/> if it is not.</param>
    /// <param name="contactsToResolve">How many contacts it took to resolve the case (1 = first-contact resolution), or <see langword="null"/> when unknown or unresolved.</param>
    /// <param name="category">The case category (e.g. "billing"); compared ordinally.</param>
    /// <exception cref="ArgumentException"><paramref name="category"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="firstResponse"/> or <paramref name="resolved"/> is before <paramref name="opened"/>;
    /// <paramref name="contactsToResolve"/> is below 1 or given for an unresolved case.
    /// </exception>
    public CaseFacts(Instant opened, Instant? firstResponse, Instant? resolved, int? contactsToResolve, string category)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(category);
        if (firstResponse < opened)
        {
            throw new ArgumentOutOfRangeException(nameof(firstResponse), firstResponse, Message($"The first response ({firstResponse}) must not be before the case was opened ({opened})."));
        }

        if (resolved < opened)
        {
            throw new ArgumentOutOfRangeException(nameof(resolved), resolved, Message($"The resolution ({resolved}) must not be before the case was opened ({opened})."));
        }

        if (contactsToResolve is { } contacts)
        {
            if (contacts < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(contactsToResolve), contacts, Message($"Contacts to resolve must be at least 1 (was {contacts})."));
            }

            if (resolved is null)
            {
                throw new ArgumentOutOfRangeException(nameof(contactsToResolve), contacts, "Contacts to resolve can only be given for a resolved case.");
            }
        }

        Opened = opened;
        FirstResponse = firstResponse;
        Resolved = resolved;
        ContactsToResolve = contactsToResolve;
        Category = category;
    }

    /// <summary>When the customer opened the case.</summary>
    public Instant Opened { get; }

    /// <summary>When the team first answered, or <see langword="null"/> if it never did.</summary>
    public Instant? FirstResponse { get; }

    /// <summary>When the case was resolved, or <see langword="null"/> if it is not.</summary>
    public Instant? Resolved { get; }

    /// <summary>How many contacts it took to resolve the case, or <see langword="null"/> when unknown or unresolved.</summary>
    public int? ContactsToResolve { get; }

    /// <summary>The case category.</summary>
    public string Category { get; }

    /// <summary>Whether the team ever answered.</summary>
    public bool WasAnswered => FirstResponse.HasValue;

    /// <summary>Whether the case was resolved in its first contact (resolved with <see cref="ContactsToResolve"/> = 1).</summary>
    public bool ResolvedAtFirstContact => Resolved.HasValue && ContactsToResolve == 1;

    /// <summary>Creates the facts of a resolved case from a first-contact-resolved flag instead of a contact count.</summary>
    /// <exception cref="ArgumentException"><paramref name="category"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="firstResponse"/> or <paramref name="resolved"/> is before <paramref name="opened"/>.</exception>
    /// <remarks>A case not resolved at first contact is recorded with two contacts, the fewest that are not first-contact.</remarks>
    public static CaseFacts ResolvedCase(Instant opened, Instant? firstResponse, Instant resolved, bool resolvedAtFirstContact, string category)
        => new(opened, firstResponse, resolved, resolvedAtFirstContact ? 1 : 2, category);

    private static string Message(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
