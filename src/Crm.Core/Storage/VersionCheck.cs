namespace Crm.Storage;

/// <summary>A guard on a named version counter of a tenant (the referral graph, a loyalty member's balance…): it must still be at <see cref="ExpectedVersion"/> when the change set commits.</summary>
/// <remarks>
/// A counter name is 1–128 characters of ASCII letters, digits, '.', '_', ':' and '-' (for example
/// <c>contacts.referral_graph</c> or <c>loyalty.balance:3f2b…</c>). A change set names each counter at most once.
/// </remarks>
public sealed record VersionCheck
{
    /// <summary>The longest counter name.</summary>
    public const int MaxNameLength = 128;

    /// <summary>Creates the guard.</summary>
    /// <exception cref="ArgumentException"><paramref name="counter"/> breaks the naming rule.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="expectedVersion"/> is negative.</exception>
    public VersionCheck(string counter, long expectedVersion, bool advance)
    {
        ValidateName(counter, nameof(counter));
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        Counter = counter;
        ExpectedVersion = expectedVersion;
        Advance = advance;
    }

    /// <summary>The counter's name.</summary>
    public string Counter { get; }

    /// <summary>The version the change was computed against.</summary>
    public long ExpectedVersion { get; }

    /// <summary>Whether the commit advances the counter by one (the change alters what it guards), or only checks it.</summary>
    public bool Advance { get; }

    /// <summary>Checks a counter name against the rule.</summary>
    /// <exception cref="ArgumentException">The name breaks the rule.</exception>
    public static void ValidateName(string? counter, string paramName)
    {
        if (string.IsNullOrEmpty(counter) || counter.Length > MaxNameLength)
        {
            throw new ArgumentException($"A version counter name must be 1 to {MaxNameLength} characters.", paramName);
        }

        foreach (var c in counter)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '.' or '_' or ':' or '-'))
            {
                throw new ArgumentException("A version counter name may contain only ASCII letters, digits, '.', '_', ':' and '-'.", paramName);
            }
        }
    }
}
