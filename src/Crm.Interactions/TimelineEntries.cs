using Crm.Events;
using Crm.Interactions.Events;
using Crm.Interactions.Storage;
using Crm.Storage;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Crm.Interactions;

/// <summary>What every recording command shares: its timeline entry, that entry's event, its idempotency key, and the replay of a repeated key.</summary>
internal static class TimelineEntries
{
    public static Interaction New(
        TenantId tenantId, ContactId contactId, InteractionKind kind, InteractionChannel channel, InteractionDirection direction, Instant occurredAt,
        TeamMemberId? teamMember, string? summary, InteractionLinks links, Instant now)
        => new(tenantId, InteractionId.New(), contactId, kind, channel, direction, occurredAt, teamMember, summary, links, now, ConcurrencyStamp.New());

    public static InteractionRecorded Event(ICrmEventIdGenerator eventIds, Interaction entry, Instant now)
        => eventIds.Identify(new InteractionRecorded(entry.TenantId, now, entry.Id, entry.ContactId, entry.Kind, entry.Channel, entry.Direction, entry.OccurredAt));

    public static IReadOnlyList<InteractionIdempotencyKey> Keys(string? key, Interaction entry, Instant now)
        => key is null ? [] : [new InteractionIdempotencyKey(key, entry.Id, now)];

    /// <summary>Checks an optional key against the rule of <see cref="IdempotencyKey"/>.</summary>
    public static string? CheckKey(string? key, string paramName) => key is null ? null : IdempotencyKey.Validate(key, paramName);

    /// <summary>The timeline entry an earlier command with <paramref name="key"/> wrote, or <see langword="null"/>.</summary>
    public static async Task<Interaction?> FindReplayAsync(IInteractionStore store, TenantId tenantId, string? key, ILogger logger, CancellationToken cancellationToken)
    {
        if (key is null || await store.FindInteractionIdByIdempotencyKeyAsync(tenantId, key, cancellationToken).ConfigureAwait(false) is not { } id)
        {
            return null;
        }

        var entry = StoreGuard.Checked(await store.FindInteractionAsync(tenantId, id, cancellationToken).ConfigureAwait(false), tenantId, static i => i.TenantId, "interaction", logger)
            ?? throw new InvalidOperationException($"The idempotency key names interaction '{id}', which the store does not have.");
        Log.IdempotentReplay(logger, tenantId, entry.Id);
        return entry;
    }

    /// <summary>Checks that an instant a caller gave is not in the future.</summary>
    public static Instant NotFuture(Instant? at, Instant now, string paramName)
        => at is { } value && value > now
            ? throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must not be in the future.")
            : at ?? now;

    /// <summary>How often a recording re-reads and re-decides after a concurrent writer got there first.</summary>
    public const int MaxAttempts = 5;

    /// <summary>
    /// Runs a recording command: answers a repeated key from the first command's entry; otherwise decides a change set
    /// on fresh reads and saves it, re-reading and re-deciding after a conflict (a concurrent repeat, a changed record).
    /// </summary>
    public static async Task<T> RecordAsync<T>(
        IInteractionStore store, TenantId tenantId, string? key, ILogger logger,
        Func<Interaction, CancellationToken, Task<T>> fromReplay,
        Func<CancellationToken, Task<(InteractionChangeSet Changes, T Result)>> decide,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await FindReplayAsync(store, tenantId, key, logger, cancellationToken).ConfigureAwait(false) is { } replay)
            {
                return await fromReplay(replay, cancellationToken).ConfigureAwait(false);
            }

            var (changes, result) = await decide(cancellationToken).ConfigureAwait(false);
            try
            {
                await store.SaveAsync(tenantId, changes, cancellationToken).ConfigureAwait(false);
                return result;
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
            {
                // Re-read and re-decide: the next round sees the winner (and its key, if it was a repeat).
            }
        }
    }
}
