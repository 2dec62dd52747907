namespace Crm.Storage;

/// <summary>Asks for one page of a keyset-paged result: a page size and the cursor returned by the previous page.</summary>
public readonly struct PageRequest : IEquatable<PageRequest>
{
    /// <summary>The largest page a store must serve.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>The page size used by <see cref="First(int)"/> when none is given.</summary>
    public const int DefaultPageSize = 100;

    /// <summary>Creates a page request.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is not between 1 and <see cref="MaxPageSize"/>.</exception>
    public PageRequest(int size, string? cursor)
    {
        if (size is < 1 or > MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, $"Page size must be between 1 and {MaxPageSize}.");
        }

        Size = size;
        Cursor = cursor;
    }

    /// <summary>The maximum number of items to return.</summary>
    public int Size { get; }

    /// <summary>The cursor returned by the previous page, or <see langword="null"/> for the first page.</summary>
    public string? Cursor { get; }

    /// <summary>The first page.</summary>
    public static PageRequest First(int size = DefaultPageSize) => new(size, null);

    /// <summary>The page after the one that returned <paramref name="cursor"/>.</summary>
    public static PageRequest After(string cursor, int size = DefaultPageSize)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cursor);
        return new(size, cursor);
    }

    /// <inheritdoc />
    public bool Equals(PageRequest other) => Size == other.Size && string.Equals(Cursor, other.Cursor, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is PageRequest other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Size, Cursor);

    /// <summary>Compares two requests for equality.</summary>
    public static bool operator ==(PageRequest left, PageRequest right) => left.Equals(right);

    /// <summary>Compares two requests for inequality.</summary>
    public static bool operator !=(PageRequest left, PageRequest right) => !left.Equals(right);

    /// <summary>The size and the cursor, e.g. <c>first 50</c> or <c>50 after 0193…</c>.</summary>
    public override string ToString() => Cursor is null ? $"first {Size}" : $"{Size} after {Cursor}";
}
