using Crm.Contacts.Duplicates;

namespace Crm.Contacts.Storage;

/// <summary>
/// A created contact's claim on one combination of duplicate keys (one key per criterion of a duplicate rule): a store
/// with <see cref="IContactUniqueKeys"/> refuses the change set when another active contact already holds every key of it.
/// </summary>
/// <remarks>The keys hold normalized personal data (emails, phones, names): never log them. <see cref="ToString"/> prints none.</remarks>
public sealed record DuplicateKeyClaim
{
    /// <summary>Creates the claim.</summary>
    /// <exception cref="ArgumentException"><paramref name="contactId"/> is empty, or <paramref name="keys"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="keys"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="ruleIndex"/> is negative.</exception>
    public DuplicateKeyClaim(ContactId contactId, IReadOnlyList<DuplicateKey> keys, int ruleIndex)
    {
        ContactId.ThrowIfEmpty(contactId);
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            throw new ArgumentException("A duplicate key claim needs at least one key.", nameof(keys));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(ruleIndex);
        ContactId = contactId;
        Keys = [.. keys];
        RuleIndex = ruleIndex;
    }

    /// <summary>The created contact that claims the keys.</summary>
    public ContactId ContactId { get; }

    /// <summary>The keys, one per criterion of the rule; another active contact holding all of them is a duplicate.</summary>
    public IReadOnlyList<DuplicateKey> Keys { get; }

    /// <summary>The index of the rule in <see cref="DuplicateOptions.Rules"/> the keys come from.</summary>
    public int RuleIndex { get; }

    /// <summary>The contact, the rule and how many keys; never the keys (personal data).</summary>
    public override string ToString() => $"Claim of contact {ContactId} on {Keys.Count} key(s) of rule {RuleIndex}";
}
