using NodaTime;

namespace Crm.Loyalty.Tiers;

/// <summary>A member's stored tier as of an instant, with the qualifying total of the window and the progress to the next tier.</summary>
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

    /// <summary>The member's stored tier at <see cref="AsOf"/>, or <see langword="null"/> when the member held none.</summary>
    public LoyaltyTier? Tier { get; init; }

    /// <summary>When the member entered <see cref="Tier"/>, or <see langword="null"/> when no tier change was recorded by then.</summary>
    public Instant? Since { get; init; }

    /// <summary>The highest tier <see cref="Qualifying"/> reaches (what a review to the qualified tier would keep), or <see langword="null"/>.</summary>
    public LoyaltyTier? Reached { get; init; }

    /// <summary>The tier above <see cref="Tier"/> (the lowest tier when the member holds none), or <see langword="null"/> at the top.</summary>
    public LoyaltyTier? NextTier { get; init; }

    /// <summary>What is still missing to reach <see cref="NextTier"/> (0 when the window already reaches it), or <see langword="null"/> at the top.</summary>
    public decimal? ToNextTier => NextTier is { } next ? Math.Max(0m, next.Threshold - Qualifying) : null;
}
