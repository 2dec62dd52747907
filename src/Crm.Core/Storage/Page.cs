namespace Crm.Storage;

/// <summary>One page of a keyset-paged result.</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="Items">The items of this page, in the store's stable order.</param>
/// <param name="NextCursor">An opaque cursor for the next page, or <see langword="null"/> when this is the last page.</param>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor)
{
    /// <summary>Whether more items follow.</summary>
    public bool HasMore => NextCursor is not null;
}
