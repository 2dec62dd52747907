using NodaTime;

namespace Crm.Interactions;

/// <summary>Narrows a contact's timeline to some kinds, some channels and a period.</summary>
/// <remarks>Empty sets mean every kind or channel. The period is half-open: <see cref="From"/> inclusive, <see cref="To"/> exclusive.</remarks>
public sealed record TimelineFilter
{
    /// <summary>The whole timeline.</summary>
    public static TimelineFilter All { get; } = new();

    /// <summary>The kinds to include; empty for all.</summary>
    public IReadOnlySet<InteractionKind> Kinds { get; init; } = new HashSet<InteractionKind>();

    /// <summary>The channels to include; empty for all.</summary>
    public IReadOnlySet<InteractionChannel> Channels { get; init; } = new HashSet<InteractionChannel>();

    /// <summary>The earliest instant included, or <see langword="null"/> for no lower bound.</summary>
    public Instant? From { get; init; }

    /// <summary>The instant the period ends before, or <see langword="null"/> for no upper bound.</summary>
    public Instant? To { get; init; }

    /// <summary>Whether <paramref name="interaction"/> passes the filter.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="interaction"/> is null.</exception>
    public bool Matches(Interaction interaction)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        return (Kinds.Count == 0 || Kinds.Contains(interaction.Kind))
            && (Channels.Count == 0 || Channels.Contains(interaction.Channel))
            && (From is not { } from || interaction.OccurredAt >= from)
            && (To is not { } to || interaction.OccurredAt < to);
    }

    /// <summary>Checks the filter.</summary>
    /// <exception cref="ArgumentException">The sets are null or the period ends before it starts.</exception>
    internal TimelineFilter Validated(string paramName)
    {
        if (Kinds is null || Channels is null)
        {
            throw new ArgumentException("TimelineFilter.Kinds and Channels must not be null (use empty sets for all).", paramName);
        }

        return From is { } from && To is { } to && to < from
            ? throw new ArgumentException("TimelineFilter.To must not be before TimelineFilter.From.", paramName)
            : this;
    }

    /// <summary>The kinds, channels and period, e.g. <c>kinds [Call, Email], channels all, 2025-01-01T00:00:00Z..</c>.</summary>
    public override string ToString()
        => $"kinds {(Kinds.Count == 0 ? "all" : $"[{string.Join(", ", Kinds.Order())}]")}, channels {(Channels.Count == 0 ? "all" : $"[{string.Join(", ", Channels.Order())}]")}, {From}..{To}";
}
