namespace Crm.Contacts.Referrals;

/// <summary>A chain of referrals: the root referrer first, then whom they referred, and so on down to the last contact.</summary>
/// <remarks>A contact nobody referred forms a chain of one member and length 0.</remarks>
public sealed record ReferralChain
{
    /// <summary>Creates a chain.</summary>
    /// <exception cref="ArgumentException"><paramref name="members"/> is empty.</exception>
    public ReferralChain(IReadOnlyList<ContactId> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        if (members.Count == 0)
        {
            throw new ArgumentException("A referral chain has at least one member.", nameof(members));
        }

        Members = members;
    }

    /// <summary>The members, root referrer first; each member referred the next.</summary>
    public IReadOnlyList<ContactId> Members { get; }

    /// <summary>The root referrer: the first member, whom nobody referred.</summary>
    public ContactId Root => Members[0];

    /// <summary>The last member of the chain.</summary>
    public ContactId Last => Members[^1];

    /// <summary>The number of referrals in the chain (members − 1): the depth of <see cref="Last"/> below <see cref="Root"/>.</summary>
    public int Length => Members.Count - 1;

    /// <inheritdoc />
    public bool Equals(ReferralChain? other) => other is not null && Members.SequenceEqual(other.Members);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var member in Members)
        {
            hash.Add(member);
        }

        return hash.ToHashCode();
    }
}
