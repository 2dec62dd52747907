using Crm.Storage;
using NodaTime;

namespace Crm.Interactions.InMemory;

/// <summary>A sorted index of (instant, id) keys, ascending or descending, that serves keyset pages in time proportional to the page (plus the entries a filter skips).</summary>
internal sealed partial class KeysetIndex
{
    private readonly SortedSet<SortKey> _keys;
    private readonly Comparer<SortKey> _order;

    public KeysetIndex(bool descending)
    {
        _order = descending ? Comparer<SortKey>.Create(static (a, b) => b.CompareTo(a)) : Comparer<SortKey>.Default;
        _keys = new SortedSet<SortKey>(_order);
    }

    public void Add(SortKey key) => _keys.Add(key);

    public void Remove(SortKey key) => _keys.Remove(key);

    /// <summary>One page in index order after <paramref name="page"/>'s cursor, within [<paramref name="first"/>, <paramref name="last"/>] (in index order), keeping the items <paramref name="resolve"/> returns.</summary>
    public Page<T> Page<T>(PageRequest page, SortKey? first, SortKey? last, Func<SortKey, T?> resolve, string paramName)
        where T : class
    {
        var from = first;
        var inclusive = true;
        if (page.Cursor is not null)
        {
            var after = SortKey.ParseCursor(page.Cursor, paramName);
            if (from is null || _order.Compare(after, from.Value) >= 0)
            {
                from = after;
                inclusive = false;
            }
        }

        var items = new List<T>(Math.Min(page.Size, 64));
        if (_keys.Count == 0)
        {
            return new Page<T>(items, null);
        }

        var lower = from ?? _keys.Min;
        var upper = last ?? _keys.Max;
        if (_order.Compare(lower, _keys.Max) > 0 || _order.Compare(upper, _keys.Min) < 0 || _order.Compare(lower, upper) > 0)
        {
            return new Page<T>(items, null);
        }

        SortKey? lastKey = null;
        foreach (var key in _keys.GetViewBetween(lower, upper))
        {
            if (!inclusive && key == lower)
            {
                continue;
            }

            if (resolve(key) is not { } item)
            {
                continue;
            }

            if (items.Count == page.Size)
            {
                return new Page<T>(items, lastKey!.Value.ToCursor()); // a next matching item exists: the next page is not empty
            }

            items.Add(item);
            lastKey = key;
        }

        return new Page<T>(items, null);
    }

    /// <summary>The key bounds, in this index's order, of the half-open period [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public (SortKey? First, SortKey? Last) Bounds(Instant? from, Instant? to)
    {
        SortKey? earliest = from is { } f ? new SortKey(f, Guid.Empty) : null;
        SortKey? latest = to is { } t ? new SortKey(t - Duration.Epsilon, SortKey.MaxGuid) : null;
        return _order.Compare(new SortKey(Instant.MinValue, Guid.Empty), new SortKey(Instant.MaxValue, Guid.Empty)) < 0 ? (earliest, latest) : (latest, earliest);
    }
}
