using NodaTime;

namespace Crm.Interactions.InMemory;

internal sealed partial class KeysetIndex
{
    /// <summary>The keys with an instant in [<paramref name="from"/>, <paramref name="to"/>), oldest first, whatever the index's order.</summary>
    public IEnumerable<SortKey> Oldest(Instant from, Instant to)
    {
        if (_keys.Count == 0 || to <= from)
        {
            return [];
        }

        var (first, last) = Bounds(from, to);
        var view = _keys.GetViewBetween(first!.Value, last!.Value);
        return _order.Compare(new SortKey(Instant.MinValue, Guid.Empty), new SortKey(Instant.MaxValue, Guid.Empty)) < 0 ? view : view.Reverse();
    }
}
