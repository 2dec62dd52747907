using NodaTime;

namespace Crm.Loyalty.Tiers;

/// <summary>A member's tier as of an instant, derived from the ledger, with the progress to the next tier.</summary>
public sealed record TierStatus
{
    /// <summary>The member.</summary>
    public required ContactId ContactId { get; init; }

    /// <summary>The instant the status is for.</summary>
    public required Instant AsOf { get; init; }

    /// <summary>The start of the qualifying window (the start of a local day).</summary>
    public required Instant WindowStart { get; init; }

    /// <summary>The end of the qualifying window: the as-of instant for a rolling window, otherwise the end of the calendar or membership period.</summary>
    public required Instant WindowEnd { get; init; }

    /// <summary>The qualifying total recorded from <see cref="WindowStart"/> up to and including <see cref="AsOf"/> (points earned, or currency units spent).</summary>
    public required decimal Qualifying { get; init; }

    /// <summary>The highest tier <see cref="Qualifying"/> reaches, or <see langword="null"/> when it reaches none.</summary>
    public LoyaltyTier? Tier { get; init; }

    /// <summary>The tier above <see cref="Tier"/>, or <see langword="null"/> at the top.</summary>
    public LoyaltyTier? NextTier { get; init; }

    /// <summary>What is still missing to reach <see cref="NextTier"/>, or <see langword="null"/> at the top.</summary>
    public decimal? ToNextTier => NextTier is { } next ? next.Threshold - Qualifying : null;
}
