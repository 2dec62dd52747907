using System.Runtime.InteropServices;

namespace Crm.Metrics.Coverage;

/// <summary>Computes <see cref="RelationshipCoverage"/> from customer–team-member interactions in one pass; partials merge exactly.</summary>
/// <typeparam name="TCustomer">The host's customer key.</typeparam>
/// <typeparam name="TMember">The host's team-member key.</typeparam>
/// <remarks>
/// Keeps, per customer, the first team member seen and, only once a second distinct one appears, the set of distinct
/// members: memory is proportional to customers plus distinct (customer, member) pairs, never to interactions.
/// </remarks>
public sealed class RelationshipCoverageAccumulator<TCustomer, TMember>
    : IMetricAccumulator<RelationshipCoverageAccumulator<TCustomer, TMember>, TeamInteraction<TCustomer, TMember>, RelationshipCoverage>
    where TCustomer : notnull
    where TMember : notnull
{
    private readonly Dictionary<TCustomer, Members> _byCustomer;
    private readonly IEqualityComparer<TMember> _memberComparer;

    /// <summary>Creates an empty accumulator with optional key comparers (default equality when null).</summary>
    public RelationshipCoverageAccumulator(IEqualityComparer<TCustomer>? customerComparer = null, IEqualityComparer<TMember>? memberComparer = null)
    {
        _byCustomer = new Dictionary<TCustomer, Members>(customerComparer);
        _memberComparer = memberComparer ?? EqualityComparer<TMember>.Default;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The customer or the team member is null.</exception>
    public void Add(TeamInteraction<TCustomer, TMember> item)
    {
        if (item.Customer is null || item.TeamMember is null)
        {
            throw new ArgumentException("An interaction must name both the customer and the team member.", nameof(item));
        }

        AddMember(item.Customer, item.TeamMember);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="other"/> compares keys differently.</exception>
    public void Merge(RelationshipCoverageAccumulator<TCustomer, TMember> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!other._byCustomer.Comparer.Equals(_byCustomer.Comparer) || !other._memberComparer.Equals(_memberComparer))
        {
            throw new ArgumentException("Only accumulators with the same key comparers can be merged.", nameof(other));
        }

        foreach (var (customer, members) in other._byCustomer.ToArray())
        {
            if (members.More is null)
            {
                AddMember(customer, members.First);
            }
            else
            {
                foreach (var member in members.More.ToArray())
                {
                    AddMember(customer, member);
                }
            }
        }
    }

    /// <inheritdoc />
    public RelationshipCoverage GetResult()
    {
        var distribution = new SortedDictionary<int, long>();
        long total = 0;
        foreach (var members in _byCustomer.Values)
        {
            var size = members.More?.Count ?? 1;
            distribution[size] = distribution.GetValueOrDefault(size) + 1;
            total += size;
        }

        const string Reason = "no customers: no interactions";
        long customers = _byCustomer.Count;
        var single = distribution.GetValueOrDefault(1);
        return new RelationshipCoverage(
            customers,
            single,
            MetricValue.Ratio(single, customers, Reason),
            MetricValue.Ratio(total, customers, Reason),
            distribution.Select(d => new TeamSizeCount(d.Key, d.Value)).ToArray());
    }

    private void AddMember(TCustomer customer, TMember member)
    {
        ref var members = ref CollectionsMarshal.GetValueRefOrAddDefault(_byCustomer, customer, out var exists);
        if (!exists)
        {
            members = new Members(member, null);
        }
        else if (members.More is not null)
        {
            members.More.Add(member);
        }
        else if (!_memberComparer.Equals(members.First, member))
        {
            members = new Members(members.First, new HashSet<TMember>(_memberComparer) { members.First, member });
        }
    }

    private readonly record struct Members(TMember First, HashSet<TMember>? More);
}
