using System.Text.Json;
using Crm.Interactions.FollowUps;
using Crm.Interactions.Serialization;
using Crm.Interactions.Storage;
using Crm.Privacy;
using Crm.Storage;
using Microsoft.Extensions.Logging;

namespace Crm.Interactions.Privacy;

/// <summary>Takes part in a contact's personal-data export and erasure with the contact's follow-up tasks (section <c>interactions.follow_ups</c>).</summary>
/// <remarks>
/// Export: every follow-up of the contact, open or closed, with its reason and outcome note. Erasure anonymizes: the
/// reason becomes <c>(erased)</c> and the note is removed; assignees, instants, statuses, outcomes and the chain are kept
/// (what retention reports count). Idempotent. A store without <see cref="IFollowUpStore"/> holds no follow-ups: the
/// contributor then exports and erases nothing.
/// </remarks>
public sealed class FollowUpsPersonalDataContributor : IPersonalDataContributor
{
    private const int BatchSize = 200;

    private readonly IFollowUpStore? _followUps;
    private readonly IInteractionStore _store;
    private readonly ILogger<FollowUpsPersonalDataContributor> _logger;

    /// <summary>Creates the contributor.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public FollowUpsPersonalDataContributor(IInteractionStore store, ILogger<FollowUpsPersonalDataContributor> logger)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(logger);
        _store = store;
        _followUps = store as IFollowUpStore;
        _logger = logger;
    }

    /// <summary><c>interactions.follow_ups</c>.</summary>
    public string Name => "interactions.follow_ups";

    /// <inheritdoc />
    public async ValueTask<JsonElement?> ExportAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ContactId.ThrowIfEmpty(contactId);
        var all = await ReadAllAsync(tenantId, contactId, cancellationToken).ConfigureAwait(false);
        if (all.Count == 0)
        {
            return null;
        }

        var dto = new FollowUpsExportDto(1, [.. all.Select(static f => new FollowUpExportDto(
            f.Id.ToString(), f.CaseId?.ToString(), f.Assignee.Value, f.Reason, f.CreatedAt, f.DueAt, f.Attempt, f.Status, f.Outcome, f.OutcomeNote, f.ClosedAt))]);
        return JsonSerializer.SerializeToElement(dto, InteractionsJsonContext.Configured.FollowUpsExportDto);
    }

    /// <inheritdoc />
    public async ValueTask<PersonalDataEraseResult> EraseAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ContactId.ThrowIfEmpty(contactId);
        var replaced = (await ReadAllAsync(tenantId, contactId, cancellationToken).ConfigureAwait(false))
            .Where(static f => f.Reason != FollowUp.ErasedReason || f.OutcomeNote is not null)
            .Select(static f => new Replacement<FollowUp>(f.Anonymized(), f.ConcurrencyStamp))
            .ToList();
        foreach (var chunk in replaced.Chunk(BatchSize))
        {
            await _store.SaveAsync(tenantId, new InteractionChangeSet { FollowUpsReplaced = chunk }, cancellationToken).ConfigureAwait(false);
        }

        if (replaced.Count == 0)
        {
            return PersonalDataEraseResult.Nothing;
        }

        Log.InteractionsErased(_logger, tenantId, contactId, replaced.Count);
        return new PersonalDataEraseResult(["followUps.reason", "followUps.outcomeNote"]);
    }

    private async Task<List<FollowUp>> ReadAllAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken)
    {
        var all = new List<FollowUp>();
        if (_followUps is null)
        {
            return all;
        }

        var request = PageRequest.First(PageRequest.MaxPageSize);
        while (true)
        {
            var page = await _followUps.ListFollowUpsByContactAsync(tenantId, contactId, request, cancellationToken).ConfigureAwait(false);
            if (page.Items.Any(f => f.TenantId != tenantId || f.ContactId != contactId))
            {
                throw new InvalidOperationException("The follow-up store returned a follow-up of another tenant or contact; the answer was refused.");
            }

            all.AddRange(page.Items);
            if (page.NextCursor is not { } next)
            {
                return all;
            }

            request = PageRequest.After(next, request.Size);
        }
    }
}
