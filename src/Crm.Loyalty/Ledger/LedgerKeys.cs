namespace Crm.Loyalty.Ledger;

/// <summary>Builds the idempotency keys of ledger commands from their sources, so a redelivered command always maps to the same key.</summary>
/// <remarks>Parts are joined with ':'; each part must be printable ASCII without spaces or ':'. A host passing its own key
/// (redemptions, adjustments) gets it prefixed by the command, so keys of different commands never collide.</remarks>
public static class LedgerKeys
{
    /// <summary>The key of the earning of a purchase: <c>earn:{sourceType}:{sourceId}</c>.</summary>
    public static string Earning(string sourceType, string sourceId) => Join("earn", sourceType, sourceId);

    /// <summary>The key of a refund's reversal: <c>refund:{sourceType}:{sourceId}:{refundId}</c>.</summary>
    public static string Refund(string sourceType, string sourceId, string refundId) => Join("refund", sourceType, sourceId, refundId);

    /// <summary>The key of an event award: <c>event:{event}:{sourceId}:{ruleId}</c>.</summary>
    public static string EventAward(Program.EarningEvent earningEvent, string sourceId, string ruleId) => Join("event", earningEvent.ToString(), sourceId, ruleId);

    /// <summary>The key of the expiry of a lot: <c>expire:{lotId}</c> (a lot expires once).</summary>
    public static string Expiry(LedgerEntryId lotId) => Join("expire", lotId.ToString());

    /// <summary>The key of the activation of a held lot: <c>activate:{lotId}</c>.</summary>
    public static string Activation(LedgerEntryId lotId) => Join("activate", lotId.ToString());

    /// <summary>The key of a host command (<c>redeem</c>, <c>adjust</c>, <c>cancel-redemption</c>) with the host's key: <c>{command}:{key}</c>.</summary>
    /// <exception cref="ArgumentException">The key is empty, the command breaks the rule of a part, or the joined key is longer than <see cref="IdempotencyKey.MaxLength"/>.</exception>
    public static string Command(string command, IdempotencyKey key)
    {
        if (key.IsEmpty)
        {
            throw new ArgumentException("An idempotency key is required.", nameof(key));
        }

        ValidatePart(command, nameof(command));
        return IdempotencyKey.Validate($"{command}:{key.Value}", nameof(key));
    }

    /// <summary>Checks one part of a key.</summary>
    /// <exception cref="ArgumentException">The part is empty, longer than 100 characters, not printable ASCII, or holds ':' or a space.</exception>
    public static void ValidatePart(string? part, string paramName)
    {
        if (string.IsNullOrEmpty(part) || part.Length > 100 || !IdempotencyKey.TryParse(part, out _) || part.Contains(':', StringComparison.Ordinal))
        {
            throw new ArgumentException("A source type or id must be 1 to 100 printable ASCII characters without spaces or ':' (it becomes part of an idempotency key).", paramName);
        }
    }

    private static string Join(params string[] parts)
    {
        for (var i = 1; i < parts.Length; i++)
        {
            ValidatePart(parts[i], nameof(parts));
        }

        return IdempotencyKey.Validate(string.Join(':', parts), nameof(parts));
    }
}
