using NodaTime;

namespace Crm.Outbox;

/// <summary>How the <see cref="OutboxDispatcher"/> claims, retries and sets aside events.</summary>
public sealed class OutboxOptions
{
    /// <summary>Events claimed per batch (1–1000). Default 100.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>How long a claim holds an event (at least one second); longer than the slowest listener takes. Default 5 minutes.</summary>
    public Duration LeaseDuration { get; set; } = Duration.FromMinutes(5);

    /// <summary>Deliveries tried before an event becomes a dead letter (1–100). Default 10.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>The wait after the first failure; it doubles after each further one (positive). Default 1 second.</summary>
    public Duration RetryBaseDelay { get; set; } = Duration.FromSeconds(1);

    /// <summary>The longest wait between retries (at least <see cref="RetryBaseDelay"/>). Default 10 minutes.</summary>
    public Duration RetryMaxDelay { get; set; } = Duration.FromMinutes(10);

    /// <summary>Whether the hosted background service dispatches (set <see langword="false"/> to dispatch only on demand). Default <see langword="true"/>.</summary>
    public bool EnableBackgroundDispatch { get; set; } = true;

    /// <summary>How long the background service waits when the outbox was empty (positive). Default 1 second.</summary>
    public TimeSpan PollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The wait before retry number <paramref name="failedAttempts"/> + 1: <see cref="RetryBaseDelay"/> × 2^(failedAttempts − 1), at most <see cref="RetryMaxDelay"/>.</summary>
    internal Duration RetryDelay(int failedAttempts)
    {
        var delay = RetryBaseDelay;
        for (var i = 1; i < failedAttempts && delay < RetryMaxDelay; i++)
        {
            delay += delay;
        }

        return delay < RetryMaxDelay ? delay : RetryMaxDelay;
    }

    internal IEnumerable<string> Validate()
    {
        if (BatchSize is < 1 or > 1000)
        {
            yield return $"OutboxOptions.BatchSize must be between 1 and 1000 (was {BatchSize}).";
        }

        if (LeaseDuration < Duration.FromSeconds(1))
        {
            yield return $"OutboxOptions.LeaseDuration must be at least one second (was {LeaseDuration}).";
        }

        if (MaxAttempts is < 1 or > 100)
        {
            yield return $"OutboxOptions.MaxAttempts must be between 1 and 100 (was {MaxAttempts}).";
        }

        if (RetryBaseDelay <= Duration.Zero)
        {
            yield return $"OutboxOptions.RetryBaseDelay must be positive (was {RetryBaseDelay}).";
        }

        if (RetryMaxDelay < RetryBaseDelay)
        {
            yield return $"OutboxOptions.RetryMaxDelay must be at least RetryBaseDelay (was {RetryMaxDelay}).";
        }

        if (PollingInterval <= TimeSpan.Zero)
        {
            yield return $"OutboxOptions.PollingInterval must be positive (was {PollingInterval}).";
        }
    }
}
