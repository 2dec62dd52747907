using System.Collections.Immutable;

namespace Crm.Privacy;

/// <summary>What one <see cref="IPersonalDataContributor"/> erased: the names of the kinds of data, never the values.</summary>
public sealed class PersonalDataEraseResult
{
    /// <summary>The maximum length of an item name.</summary>
    public const int MaxItemLength = 200;

    /// <summary>Creates a result.</summary>
    /// <param name="erasedItems">The names of the fields or record kinds erased, e.g. <c>Name</c>, <c>Emails</c>, <c>orders.shippingAddress</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="erasedItems"/> is null.</exception>
    /// <exception cref="ArgumentException">An item is empty, longer than <see cref="MaxItemLength"/> characters or has control characters.</exception>
    public PersonalDataEraseResult(IEnumerable<string> erasedItems)
    {
        ArgumentNullException.ThrowIfNull(erasedItems);
        var items = erasedItems.ToImmutableArray();
        foreach (var item in items)
        {
            if (string.IsNullOrWhiteSpace(item))
            {
                throw new ArgumentException("An erased item name must not be empty or white space.", nameof(erasedItems));
            }

            if (item.Length > MaxItemLength)
            {
                throw new ArgumentException($"An erased item name must be at most {MaxItemLength} characters (was {item.Length}).", nameof(erasedItems));
            }

            if (item.Any(char.IsControl))
            {
                throw new ArgumentException("An erased item name must not contain control characters.", nameof(erasedItems));
            }
        }

        ErasedItems = items;
    }

    /// <summary>Nothing was held, so nothing was erased.</summary>
    public static PersonalDataEraseResult Nothing { get; } = new([]);

    /// <summary>The names of the kinds of data erased, in the contributor's order; empty when nothing was held.</summary>
    public IReadOnlyList<string> ErasedItems { get; }

    /// <summary>How many items were erased.</summary>
    public override string ToString() => $"{ErasedItems.Count} item(s) erased";
}
