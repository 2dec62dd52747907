using Crm.Interactions.Feedback;
using Crm.Interactions.Purchases;
using Crm.Interactions.Storage;
using Crm.Interactions.Support;
using Crm.Storage;

namespace Crm.Interactions.InMemory;

/// <summary>One tenant's data in <see cref="InMemoryInteractionStore"/>, with the sorted indexes its pages read; every member is used under <see cref="Gate"/>.</summary>
internal sealed partial class TenantPartition
{
    public Lock Gate { get; } = new();

    public Dictionary<InteractionId, Interaction> Interactions { get; } = [];

    public Dictionary<ContactId, KeysetIndex> Timelines { get; } = [];

    public Dictionary<string, InteractionIdempotencyKey> IdempotencyKeys { get; } = new(StringComparer.Ordinal);

    public Dictionary<PurchaseId, Purchase> Purchases { get; } = [];

    public KeysetIndex PurchaseOrder { get; } = new(descending: false);

    public Dictionary<ContactId, KeysetIndex> PurchasesByContact { get; } = [];

    public Dictionary<ContractId, Contract> Contracts { get; } = [];

    public KeysetIndex ContractOrder { get; } = new(descending: false);

    public Dictionary<ContactId, KeysetIndex> ContractsByContact { get; } = [];

    public Dictionary<CaseId, SupportCase> Cases { get; } = [];

    public Dictionary<string, CaseId> CasesByCode { get; } = new(StringComparer.Ordinal);

    public Dictionary<ContactId, KeysetIndex> CasesByContact { get; } = [];

    public KeysetIndex CasesAwaitingSla { get; } = new(descending: false);

    public Dictionary<FeedbackId, FeedbackResponse> Feedback { get; } = [];

    public Dictionary<ContactId, KeysetIndex> FeedbackByContact { get; } = [];

    public Dictionary<string, long> Counters { get; } = new(StringComparer.Ordinal);

    /// <summary>Throws unless every check of <paramref name="changes"/> passes; writes nothing.</summary>
    public void Check(TenantId tenantId, InteractionChangeSet changes)
    {
        CheckRecords(tenantId, changes.InteractionsRecorded, changes.InteractionsReplaced, Interactions, static r => r.Id, static r => r.TenantId, static r => r.ConcurrencyStamp, "interaction");
        CheckRecords(tenantId, changes.PurchasesCreated, changes.PurchasesReplaced, Purchases, static r => r.Id, static r => r.TenantId, static r => r.ConcurrencyStamp, "purchase");
        CheckRecords(tenantId, changes.ContractsCreated, changes.ContractsReplaced, Contracts, static r => r.Id, static r => r.TenantId, static r => r.ConcurrencyStamp, "contract");
        CheckRecords(tenantId, changes.CasesCreated, changes.CasesReplaced, Cases, static r => r.Id, static r => r.TenantId, static r => r.ConcurrencyStamp, "case");
        CheckRecords(tenantId, changes.FeedbackRecorded, changes.FeedbackReplaced, Feedback, static r => r.Id, static r => r.TenantId, static r => r.ConcurrencyStamp, "feedback response");
        CheckRecords(tenantId, changes.FollowUpsCreated, changes.FollowUpsReplaced, FollowUps, static r => r.Id, static r => r.TenantId, static r => r.ConcurrencyStamp, "follow-up");

        var recorded = changes.InteractionsRecorded.Select(static i => i.Id).ToHashSet();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in changes.IdempotencyKeys)
        {
            ArgumentNullException.ThrowIfNull(key, nameof(changes));
            if (!recorded.Contains(key.InteractionId))
            {
                throw new ArgumentException("An idempotency key must name an interaction recorded by the same change set.", nameof(changes));
            }

            if (IdempotencyKeys.ContainsKey(key.Key) || !keys.Add(key.Key))
            {
                throw new ConcurrencyConflictException("idempotency key", key.InteractionId.ToString());
            }
        }

        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var created in changes.CasesCreated)
        {
            if (CasesByCode.ContainsKey(created.TrackingCode) || !codes.Add(created.TrackingCode))
            {
                throw new ConcurrencyConflictException("tracking code", created.TrackingCode);
            }
        }

        var counters = new HashSet<string>(StringComparer.Ordinal);
        foreach (var check in changes.VersionChecks)
        {
            ArgumentNullException.ThrowIfNull(check, nameof(changes));
            if (!counters.Add(check.Counter))
            {
                throw new ArgumentException($"A change set names the version counter '{check.Counter}' twice.", nameof(changes));
            }

            if (Counters.GetValueOrDefault(check.Counter) != check.ExpectedVersion)
            {
                throw new ConcurrencyConflictException("version counter", check.Counter);
            }
        }
    }

    /// <summary>Writes a change set that passed <see cref="Check"/>.</summary>
    public void Apply(InteractionChangeSet changes)
    {
        foreach (var interaction in changes.InteractionsRecorded.Concat(changes.InteractionsReplaced.Select(static r => r.Record)))
        {
            if (Interactions.TryGetValue(interaction.Id, out var old))
            {
                IndexOf(Timelines, old.ContactId, descending: true).Remove(new SortKey(old.OccurredAt, old.Id.Value));
            }

            Interactions[interaction.Id] = interaction;
            IndexOf(Timelines, interaction.ContactId, descending: true).Add(new SortKey(interaction.OccurredAt, interaction.Id.Value));
        }

        foreach (var purchase in changes.PurchasesCreated.Concat(changes.PurchasesReplaced.Select(static r => r.Record)))
        {
            var key = new SortKey(purchase.OccurredAt, purchase.Id.Value);
            Purchases[purchase.Id] = purchase;
            PurchaseOrder.Add(key);
            IndexOf(PurchasesByContact, purchase.ContactId, descending: false).Add(key);
        }

        foreach (var contract in changes.ContractsCreated.Concat(changes.ContractsReplaced.Select(static r => r.Record)))
        {
            var key = new SortKey(contract.Start, contract.Id.Value);
            Contracts[contract.Id] = contract;
            ContractOrder.Add(key);
            IndexOf(ContractsByContact, contract.ContactId, descending: false).Add(key);
        }

        foreach (var supportCase in changes.CasesCreated.Concat(changes.CasesReplaced.Select(static r => r.Record)))
        {
            var byId = new SortKey(NodaTime.Instant.MinValue, supportCase.Id.Value);
            Cases[supportCase.Id] = supportCase;
            CasesByCode[supportCase.TrackingCode] = supportCase.Id;
            IndexOf(CasesByContact, supportCase.ContactId, descending: true).Add(new SortKey(supportCase.OpenedAt, supportCase.Id.Value));
            if (supportCase.AwaitsSlaCheck)
            {
                CasesAwaitingSla.Add(byId);
            }
            else
            {
                CasesAwaitingSla.Remove(byId);
            }
        }

        foreach (var response in changes.FeedbackRecorded.Concat(changes.FeedbackReplaced.Select(static r => r.Record)))
        {
            Feedback[response.Id] = response;
            IndexOf(FeedbackByContact, response.ContactId, descending: true).Add(new SortKey(response.RespondedAt, response.Id.Value));
        }

        ApplyFollowUps(changes);
        foreach (var key in changes.IdempotencyKeys)
        {
            IdempotencyKeys.Add(key.Key, key);
        }

        foreach (var check in changes.VersionChecks.Where(static c => c.Advance))
        {
            Counters[check.Counter] = check.ExpectedVersion + 1;
        }
    }

    public static KeysetIndex IndexOf(Dictionary<ContactId, KeysetIndex> indexes, ContactId contactId, bool descending)
    {
        if (!indexes.TryGetValue(contactId, out var index))
        {
            index = new KeysetIndex(descending);
            indexes.Add(contactId, index);
        }

        return index;
    }

    /// <summary>Checks created and replaced records of one kind: right tenant, named once, new ids new, replaced ones present with the expected stamp.</summary>
    private static void CheckRecords<TId, TRecord>(
        TenantId tenantId, IReadOnlyList<TRecord> created, IReadOnlyList<Replacement<TRecord>> replaced, Dictionary<TId, TRecord> stored,
        Func<TRecord, TId> id, Func<TRecord, TenantId> tenant, Func<TRecord, ConcurrencyStamp> stamp, string entity)
        where TId : notnull
        where TRecord : class
    {
        var named = new HashSet<TId>();
        foreach (var record in created.Concat(replaced.Select(static r => r?.Record!)))
        {
            if (record is null || tenant(record) != tenantId)
            {
                throw new ArgumentException($"A change set for tenant '{tenantId}' holds a null {entity} or one of another tenant.", nameof(created));
            }

            if (!named.Add(id(record)))
            {
                throw new ArgumentException($"A change set names the {entity} '{id(record)}' twice.", nameof(created));
            }
        }

        foreach (var record in created)
        {
            if (stored.ContainsKey(id(record)))
            {
                throw new ConcurrencyConflictException(entity, id(record).ToString()!);
            }
        }

        foreach (var replacement in replaced)
        {
            if (!stored.TryGetValue(id(replacement.Record), out var current) || stamp(current) != replacement.ExpectedStamp)
            {
                throw new ConcurrencyConflictException(entity, id(replacement.Record).ToString()!);
            }
        }
    }
}
