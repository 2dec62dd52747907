using NodaTime;

namespace Crm.Interactions.Journey;

/// <summary>Which contacts count as gone quiet: active in a lookback window, then without activity for a quiet period, as of an instant.</summary>
/// <remarks>
/// <para>Activity is what the contact does: an inbound touchpoint (a call, e-mail or message from the contact, a purchase,
/// a case opened, a feedback response) or a meeting — the facts of <see cref="JourneyStage.Engagement"/>. Outbound
/// e-mails and calls do not count, or a contact the team keeps writing to would never look quiet.</para>
/// <para>Both windows are half-open and end where the next begins: the lookback is
/// [<see cref="AsOf"/> − <see cref="QuietPeriod"/> − <see cref="Lookback"/>, <see cref="AsOf"/> − <see cref="QuietPeriod"/>),
/// the quiet period [<see cref="AsOf"/> − <see cref="QuietPeriod"/>, <see cref="AsOf"/>). A contact is a candidate when it
/// has at least <see cref="MinimumActivities"/> activities in the lookback and none in the quiet period; facts at or after
/// <see cref="AsOf"/> are not considered, so a query as of a past instant answers as it would have then.</para>
/// </remarks>
public sealed class ReEngagementQuery
{
    /// <summary>Creates the query.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A duration is not positive, <paramref name="minimumActivities"/> is less than 1, or the lookback starts before the earliest representable instant.</exception>
    public ReEngagementQuery(Instant asOf, Duration quietPeriod, Duration lookback, int minimumActivities = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(quietPeriod, Duration.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lookback, Duration.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumActivities, 1);
        if (asOf - Instant.MinValue < quietPeriod + lookback)
        {
            throw new ArgumentOutOfRangeException(nameof(lookback), lookback, "asOf − quietPeriod − lookback must not be before Instant.MinValue.");
        }

        AsOf = asOf;
        QuietPeriod = quietPeriod;
        Lookback = lookback;
        MinimumActivities = minimumActivities;
    }

    /// <summary>The instant the question is asked for (exclusive).</summary>
    public Instant AsOf { get; }

    /// <summary>How long a contact must have had no activity, up to <see cref="AsOf"/>.</summary>
    public Duration QuietPeriod { get; }

    /// <summary>How long the window before the quiet period is in which the contact must have been active.</summary>
    public Duration Lookback { get; }

    /// <summary>The fewest activities in the lookback window that make a contact "active" (k).</summary>
    public int MinimumActivities { get; }

    /// <summary>Where the quiet period starts (and the lookback ends): <see cref="AsOf"/> − <see cref="QuietPeriod"/>.</summary>
    public Instant QuietSince => AsOf - QuietPeriod;

    /// <summary>Where the lookback starts.</summary>
    public Instant LookbackFrom => QuietSince - Lookback;

    /// <summary>The windows and k.</summary>
    public override string ToString() => $"≥ {MinimumActivities} in [{LookbackFrom}, {QuietSince}), none in [{QuietSince}, {AsOf})";
}
