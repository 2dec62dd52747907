using System.Diagnostics.CodeAnalysis;

namespace Crm;

/// <summary>A client-supplied key that makes a command safe to repeat: the second command with the same key returns the first one's result and writes nothing.</summary>
/// <remarks>
/// <para>Rule: 1–<see cref="MaxLength"/> printable ASCII characters (<c>!</c> to <c>~</c>), no spaces or control characters,
/// compared ordinally (case-sensitive). A UUID is the usual choice. Keys are opaque and must not carry personal data.</para>
/// <para>Feeding an HTTP <c>Idempotency-Key</c> header in: <see cref="TryParse"/> it and answer 400 when it fails, rather
/// than passing raw text to a manager (which throws <see cref="ArgumentException"/>).</para>
/// </remarks>
public readonly struct IdempotencyKey : IEquatable<IdempotencyKey>
{
    /// <summary>The longest key.</summary>
    public const int MaxLength = 200;

    private readonly string? _value;

    /// <summary>Creates a key.</summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> breaks the rule; the message says which part.</exception>
    public IdempotencyKey(string value)
    {
        if (Check(value) is { } rule)
        {
            throw new ArgumentException(rule, nameof(value));
        }

        _value = value;
    }

    /// <summary>The key as text.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Whether this is the default (invalid) value.</summary>
    public bool IsEmpty => _value is null;

    /// <summary>Parses a key.</summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> breaks the rule.</exception>
    public static IdempotencyKey Parse(string value) => new(value);

    /// <summary>Tries to parse a key.</summary>
    public static bool TryParse([NotNullWhen(true)] string? value, out IdempotencyKey key)
    {
        key = Check(value) is null ? new IdempotencyKey(value!) : default;
        return !key.IsEmpty;
    }

    /// <summary>Checks text against the rule and returns it, naming <paramref name="paramName"/> in the error.</summary>
    /// <exception cref="ArgumentException">The text breaks the rule.</exception>
    public static string Validate(string? value, string paramName)
        => Check(value) is { } rule ? throw new ArgumentException(rule, paramName) : value!;

    /// <inheritdoc />
    public bool Equals(IdempotencyKey other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is IdempotencyKey other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>The key.</summary>
    public override string ToString() => Value;

    /// <summary>Compares two keys ordinally.</summary>
    public static bool operator ==(IdempotencyKey left, IdempotencyKey right) => left.Equals(right);

    /// <summary>Compares two keys ordinally.</summary>
    public static bool operator !=(IdempotencyKey left, IdempotencyKey right) => !left.Equals(right);

    private static string? Check(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength)
        {
            return $"An idempotency key must be 1 to {MaxLength} characters.";
        }

        return PrintableAscii.IsVisibleOnly(value)
            ? null
            : "An idempotency key may contain only printable ASCII characters (! to ~), without spaces.";
    }
}
