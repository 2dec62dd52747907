using System.Collections.Immutable;

namespace Crm.Contacts.Duplicates;

/// <summary>A group of criteria that must ALL match for two contacts to be duplicates; a rule set matches when ANY of its rules does.</summary>
/// <remarks>
/// For example the rule set <c>[[GivenName, FamilyName, Birthday], [Email], [Phone]]</c> calls two contacts duplicates
/// when they share given name, family name and birthday, or an email address, or a phone number.
/// </remarks>
public sealed class DuplicateRule : IEquatable<DuplicateRule>
{
    /// <summary>Creates a rule from its criteria.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="criteria"/> or one of its items is null.</exception>
    /// <exception cref="ArgumentException">There are no criteria, or a criterion appears twice.</exception>
    public DuplicateRule(params IEnumerable<DuplicateCriterion> criteria)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        var list = criteria.ToImmutableArray();
        if (list.IsEmpty)
        {
            throw new ArgumentException("A DuplicateRule must have at least one criterion (an empty rule would match every pair).", nameof(criteria));
        }

        var seen = new HashSet<DuplicateCriterion>();
        foreach (var criterion in list)
        {
            ArgumentNullException.ThrowIfNull(criterion, nameof(criteria));
            if (!seen.Add(criterion))
            {
                throw new ArgumentException($"A DuplicateRule must not name a criterion twice ({criterion.Name}).", nameof(criteria));
            }
        }

        Criteria = list;
    }

    /// <summary>The criteria, all of which must match.</summary>
    public IReadOnlyList<DuplicateCriterion> Criteria { get; }

    /// <summary>The criteria names joined by '+', e.g. <c>GivenName+FamilyName</c>; never personal data.</summary>
    public string Name => string.Join('+', Criteria.Select(c => c.Name));

    /// <inheritdoc />
    public bool Equals(DuplicateRule? other) => other is not null && Criteria.SequenceEqual(other.Criteria);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as DuplicateRule);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var criterion in Criteria)
        {
            hash.Add(criterion);
        }

        return hash.ToHashCode();
    }

    /// <summary>The <see cref="Name"/>.</summary>
    public override string ToString() => Name;
}
