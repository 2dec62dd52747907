namespace Crm.Loyalty.Rewards;

/// <summary>An item of the program's reward catalog: what it costs in points, how many units exist, how many one member may take.</summary>
/// <remarks>Stock and limits are counted from the ledger (reward redemptions not cancelled), so they need no separate
/// counter to keep in step: raising <see cref="Stock"/> restocks the reward.</remarks>
public sealed record Reward
{
    /// <summary>The longest reward id.</summary>
    public const int MaxIdLength = 40;

    /// <summary>Creates the reward.</summary>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty, longer than <see cref="MaxIdLength"/>, or not made of ASCII letters, digits, '.', '_' and '-'.</exception>
    public Reward(string id, long pointCost)
    {
        ValidateId(id, nameof(id));
        Id = id;
        PointCost = pointCost;
    }

    /// <summary>The reward's id (for example <c>free-coffee</c>).</summary>
    public string Id { get; }

    /// <summary>The points one unit costs; must be positive.</summary>
    public long PointCost { get; }

    /// <summary>The units that can ever be redeemed, or <see langword="null"/> for unlimited.</summary>
    public long? Stock { get; init; }

    /// <summary>The units one member may redeem, or <see langword="null"/> for no limit.</summary>
    public int? PerMemberLimit { get; init; }

    /// <summary>Checks a reward id.</summary>
    /// <exception cref="ArgumentException">The id breaks the rule.</exception>
    public static void ValidateId(string? id, string paramName)
    {
        if (string.IsNullOrEmpty(id) || id.Length > MaxIdLength || !id.All(c => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '.' or '_' or '-'))
        {
            throw new ArgumentException($"A reward id is 1 to {MaxIdLength} ASCII letters, digits, '.', '_' or '-'.", paramName);
        }
    }
}
