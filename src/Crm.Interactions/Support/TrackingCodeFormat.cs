using System.Globalization;

namespace Crm.Interactions.Support;

/// <summary>How issued tracking codes look: a prefix, a separator, a number padded with zeros, counting from a start value (<c>Case-6548</c>, <c>Ticket-04044</c>).</summary>
/// <remarks>Tracking codes (issued or imported) are 1–<see cref="MaxCodeLength"/> printable ASCII characters without spaces, compared ordinally.</remarks>
public sealed class TrackingCodeFormat
{
    /// <summary>The longest tracking code.</summary>
    public const int MaxCodeLength = 64;

    /// <summary>The prefix (default <c>Case</c>): 1–20 ASCII letters or digits.</summary>
    public string Prefix { get; set; } = "Case";

    /// <summary>Between prefix and number (default <c>-</c>): empty or one of <c>-</c>, <c>_</c>, <c>.</c>, <c>#</c>.</summary>
    public string Separator { get; set; } = "-";

    /// <summary>The least number of digits, padded with leading zeros (0–18, default 0).</summary>
    public int Padding { get; set; }

    /// <summary>The number of the first code (default 1; 0 or more).</summary>
    public long Start { get; set; } = 1;

    /// <summary>The code of the <paramref name="sequence"/>-th issued case (from 0): prefix, separator and <see cref="Start"/> + <paramref name="sequence"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sequence"/> is negative.</exception>
    public string Format(long sequence)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sequence);
        return string.Concat(Prefix, Separator, checked(Start + sequence).ToString(new string('0', Math.Max(Padding, 1)), CultureInfo.InvariantCulture));
    }

    /// <summary>The broken rules, each naming the field; empty when valid.</summary>
    public IEnumerable<string> Validate(string name)
    {
        if (string.IsNullOrEmpty(Prefix) || Prefix.Length > 20 || !Prefix.All(char.IsAsciiLetterOrDigit))
        {
            yield return $"{name}.Prefix must be 1 to 20 ASCII letters or digits.";
        }

        if (Separator is null || (Separator.Length > 0 && Separator is not ("-" or "_" or "." or "#")))
        {
            yield return $"{name}.Separator must be empty or one of '-', '_', '.', '#'.";
        }

        if (Padding is < 0 or > 18)
        {
            yield return $"{name}.Padding must be between 0 and 18 (was {Padding}).";
        }

        if (Start < 0)
        {
            yield return $"{name}.Start must not be negative (was {Start}).";
        }
    }

    /// <summary>Checks a tracking code (issued or imported) against the rule and returns it.</summary>
    /// <exception cref="ArgumentException">The code breaks the rule.</exception>
    public static string CheckCode(string? code, string paramName)
        => string.IsNullOrEmpty(code) || code.Length > MaxCodeLength || !code.All(static c => c is >= '!' and <= '~')
            ? throw new ArgumentException($"A tracking code must be 1 to {MaxCodeLength} printable ASCII characters without spaces.", paramName)
            : code;

    /// <summary>The pattern, e.g. <c>Ticket-00001…</c>.</summary>
    public override string ToString() => $"{Prefix}{Separator}{Start.ToString(new string('0', Math.Max(Padding, 1)), CultureInfo.InvariantCulture)}…";
}
