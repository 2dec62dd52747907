using System.Text.Json;
using Crm.Interactions.Serialization;
using Crm.Interactions.Storage;
using Crm.Privacy;
using Crm.Storage;
using Microsoft.Extensions.Logging;

namespace Crm.Interactions.Privacy;

/// <summary>Takes part in a contact's personal-data export and erasure (Crm.Contacts' <c>PersonalDataManager</c>) with everything the interactions package holds: timeline, purchases, contracts, cases and feedback.</summary>
/// <remarks>
/// <para>Export: one <c>interactions</c> section (version 1) with every record of the contact, read page by page.</para>
/// <para>Erasure anonymizes rather than deletes: it removes the free texts (interaction summaries, refund and cancellation
/// reasons, case subjects, feedback comments) and order references, and keeps what the metrics and the books need —
/// amounts, currencies, instants, kinds, channels, statuses and scores — under the erased contact's id. Idempotent: a
/// record already without free text is left as it is, so a retried erasure finds nothing left.</para>
/// </remarks>
public sealed class InteractionsPersonalDataContributor : IPersonalDataContributor
{
    private const int BatchSize = 200;

    private readonly IInteractionStore _store;
    private readonly ILogger<InteractionsPersonalDataContributor> _logger;

    /// <summary>Creates the contributor.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public InteractionsPersonalDataContributor(IInteractionStore store, ILogger<InteractionsPersonalDataContributor> logger)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(logger);
        _store = store;
        _logger = logger;
    }

    /// <summary><c>interactions</c>.</summary>
    public string Name => "interactions";

    /// <inheritdoc />
    public async ValueTask<JsonElement?> ExportAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ContactId.ThrowIfEmpty(contactId);
        var data = await ReadAllAsync(tenantId, contactId, cancellationToken).ConfigureAwait(false);
        if (data.IsEmpty)
        {
            return null;
        }

        var dto = new InteractionsExportDto(
            1,
            [.. data.Timeline.Select(static i => new InteractionExportDto(i.Id.ToString(), i.Kind, i.Channel, i.Direction, i.OccurredAt, i.TeamMember?.Value, i.Summary,
                i.Links.Case?.ToString(), i.Links.Purchase?.ToString(), i.Links.Contract?.ToString(), i.Links.Feedback?.ToString(), i.Links.OrderReference))],
            [.. data.Purchases.Select(static p => new PurchaseExportDto(p.Id.ToString(), p.OccurredAt, p.Amount.Amount, p.Amount.Currency.ToString(), p.OrderReference,
                [.. p.Lines.Select(static l => new PurchaseLineExportDto(l.Sku, l.Category, l.Quantity, l.Amount))],
                [.. p.Refunds.Select(static r => new RefundExportDto(r.Number, r.Amount, r.RefundedAt, r.Reason))]))],
            [.. data.Contracts.Select(static c => new ContractExportDto(c.Id.ToString(), c.Plan, c.Start, c.End, c.Status, c.CancellationReason))],
            [.. data.Cases.Select(static c => new CaseExportDto(c.Id.ToString(), c.TrackingCode, c.Subject, c.Priority, c.Category, c.Channel, c.Status, c.OpenedAt,
                c.FirstResponseAt, c.ResolvedAt, c.ContactCount))],
            [.. data.Feedback.Select(static f => new FeedbackExportDto(f.Id.ToString(), f.Survey, f.Score, f.Comment, f.Channel, f.RespondedAt))]);
        return JsonSerializer.SerializeToElement(dto, InteractionsJsonContext.Configured.InteractionsExportDto);
    }

    /// <inheritdoc />
    public async ValueTask<PersonalDataEraseResult> EraseAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ContactId.ThrowIfEmpty(contactId);
        var data = await ReadAllAsync(tenantId, contactId, cancellationToken).ConfigureAwait(false);
        var interactions = data.Timeline.Where(static i => i.Summary is not null || i.Links.OrderReference is not null).Select(static i => new Replacement<Interaction>(i.Anonymized(), i.ConcurrencyStamp)).ToList();
        var purchases = data.Purchases.Where(static p => p.OrderReference is not null || p.Refunds.Any(static r => r.Reason is not null)).Select(static p => new Replacement<Purchases.Purchase>(p.Anonymized(), p.ConcurrencyStamp)).ToList();
        var contracts = data.Contracts.Where(static c => c.CancellationReason is not null).Select(static c => new Replacement<Purchases.Contract>(c.Anonymized(), c.ConcurrencyStamp)).ToList();
        var cases = data.Cases.Where(static c => c.Subject is not null).Select(static c => new Replacement<Support.SupportCase>(c.With(anonymize: true), c.ConcurrencyStamp)).ToList();
        var feedback = data.Feedback.Where(static f => f.Comment is not null).Select(static f => new Replacement<Feedback.FeedbackResponse>(f.Anonymized(), f.ConcurrencyStamp)).ToList();

        foreach (var chunk in interactions.Chunk(BatchSize))
        {
            await _store.SaveAsync(tenantId, new InteractionChangeSet { InteractionsReplaced = chunk }, cancellationToken).ConfigureAwait(false);
        }

        await _store.SaveAsync(tenantId, new InteractionChangeSet { PurchasesReplaced = purchases, ContractsReplaced = contracts, CasesReplaced = cases, FeedbackReplaced = feedback }, cancellationToken).ConfigureAwait(false);
        var erased = new List<string>();
        AddIf(erased, interactions.Count, "interactions.summary", "interactions.orderReference");
        AddIf(erased, purchases.Count, "purchases.orderReference", "purchases.refunds.reason");
        AddIf(erased, contracts.Count, "contracts.cancellationReason");
        AddIf(erased, cases.Count, "cases.subject");
        AddIf(erased, feedback.Count, "feedback.comment");
        var count = interactions.Count + purchases.Count + contracts.Count + cases.Count + feedback.Count;
        if (count == 0)
        {
            return PersonalDataEraseResult.Nothing;
        }

        Log.InteractionsErased(_logger, tenantId, contactId, count);
        return new PersonalDataEraseResult(erased);
    }

    private static void AddIf(List<string> erased, int count, params string[] items)
    {
        if (count > 0)
        {
            erased.AddRange(items);
        }
    }

    private async Task<ContactData> ReadAllAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken)
        => new(
            await AllAsync((p, ct) => _store.GetTimelineAsync(tenantId, contactId, TimelineFilter.All, p, ct), static i => i.TenantId, tenantId, cancellationToken).ConfigureAwait(false),
            await AllAsync((p, ct) => _store.ListPurchasesByContactAsync(tenantId, contactId, p, ct), static i => i.TenantId, tenantId, cancellationToken).ConfigureAwait(false),
            await AllAsync((p, ct) => _store.ListContractsByContactAsync(tenantId, contactId, p, ct), static i => i.TenantId, tenantId, cancellationToken).ConfigureAwait(false),
            await AllAsync((p, ct) => _store.ListCasesByContactAsync(tenantId, contactId, p, ct), static i => i.TenantId, tenantId, cancellationToken).ConfigureAwait(false),
            await AllAsync((p, ct) => _store.ListFeedbackByContactAsync(tenantId, contactId, p, ct), static i => i.TenantId, tenantId, cancellationToken).ConfigureAwait(false));

    private static async Task<List<T>> AllAsync<T>(Func<PageRequest, CancellationToken, ValueTask<Page<T>>> read, Func<T, TenantId> tenantOf, TenantId tenantId, CancellationToken cancellationToken)
    {
        var all = new List<T>();
        var request = PageRequest.First(PageRequest.MaxPageSize);
        while (true)
        {
            var page = await read(request, cancellationToken).ConfigureAwait(false);
            if (page.Items.Any(i => tenantOf(i) != tenantId))
            {
                throw new InvalidOperationException("The interaction store returned a record of another tenant; the answer was refused.");
            }

            all.AddRange(page.Items);
            if (page.NextCursor is not { } next)
            {
                return all;
            }

            request = PageRequest.After(next, request.Size);
        }
    }

    private sealed record ContactData(
        List<Interaction> Timeline, List<Purchases.Purchase> Purchases, List<Purchases.Contract> Contracts, List<Support.SupportCase> Cases, List<Feedback.FeedbackResponse> Feedback)
    {
        public bool IsEmpty => Timeline.Count == 0 && Purchases.Count == 0 && Contracts.Count == 0 && Cases.Count == 0 && Feedback.Count == 0;
    }
}
