using System.Text.Json;
using System.Text.Json.Serialization;
using Crm.Interactions;
using Crm.Interactions.Feedback;
using Crm.Interactions.Purchases;
using Crm.Interactions.Support;
using NodaTime;

namespace Crm.EntityFrameworkCore.Interactions;

/// <summary>Maps the interactions package's records to rows and back; purchase lines and refunds and the details of a case are JSON documents (version 1).</summary>
internal static class InteractionDocuments
{
    public static InteractionRow ToRow(Interaction i) => new()
    {
        TenantId = i.TenantId, Id = i.Id.Value, ContactId = i.ContactId, Kind = i.Kind.ToString(), Channel = i.Channel.ToString(), Direction = i.Direction.ToString(),
        OccurredAt = i.OccurredAt, TeamMember = i.TeamMember?.Value, Summary = i.Summary, CaseId = i.Links.Case?.Value, PurchaseId = i.Links.Purchase?.Value,
        ContractId = i.Links.Contract?.Value, FeedbackId = i.Links.Feedback?.Value, OrderReference = i.Links.OrderReference, RecordedAt = i.RecordedAt, Stamp = i.ConcurrencyStamp,
    };

    public static Interaction FromRow(InteractionRow r) => new(
        r.TenantId, new InteractionId(r.Id), r.ContactId, Enum.Parse<InteractionKind>(r.Kind), Enum.Parse<InteractionChannel>(r.Channel), Enum.Parse<InteractionDirection>(r.Direction),
        r.OccurredAt, r.TeamMember is null ? null : new TeamMemberId(r.TeamMember), r.Summary,
        new InteractionLinks
        {
            Case = r.CaseId is { } c ? new CaseId(c) : null, Purchase = r.PurchaseId is { } p ? new PurchaseId(p) : null,
            Contract = r.ContractId is { } k ? new ContractId(k) : null, Feedback = r.FeedbackId is { } f ? new FeedbackId(f) : null, OrderReference = r.OrderReference,
        },
        r.RecordedAt, r.Stamp);

    public static PurchaseRow ToRow(Purchase p) => new()
    {
        TenantId = p.TenantId, Id = p.Id.Value, ContactId = p.ContactId, OccurredAt = p.OccurredAt, Amount = p.Amount.Amount, Currency = p.Amount.Currency.ToString(),
        RefundedAmount = p.RefundedAmount, OrderReference = p.OrderReference, RecordedAt = p.RecordedAt, Stamp = p.ConcurrencyStamp,
        Document = JsonSerializer.Serialize(
            new PurchaseDocument(1, [.. p.Lines.Select(static l => new LineDocument(l.Sku, l.Category, l.Quantity, l.Amount))], [.. p.Refunds.Select(static r => new RefundDocument(r.Number, r.Amount, r.RefundedAt.ToUnixTimeTicks(), r.Reason))]),
            InteractionDocumentsJsonContext.Default.PurchaseDocument),
    };

    public static Purchase FromRow(PurchaseRow r)
    {
        var d = JsonSerializer.Deserialize(r.Document, InteractionDocumentsJsonContext.Default.PurchaseDocument) ?? throw new InvalidOperationException("An empty purchase document.");
        return new(r.TenantId, new PurchaseId(r.Id), r.ContactId, r.OccurredAt, new Money(r.Amount, new CurrencyCode(r.Currency)), r.OrderReference,
            d.Lines.Select(static l => new PurchaseLine(l.Sku, l.Category, l.Quantity, l.Amount)), d.Refunds.Select(static x => new Refund(x.Number, x.Amount, Instant.FromUnixTimeTicks(x.RefundedAt), x.Reason)),
            r.RecordedAt, r.Stamp);
    }

    public static ContractRow ToRow(Contract c) => new()
    {
        TenantId = c.TenantId, Id = c.Id.Value, ContactId = c.ContactId, Plan = c.Plan, Start = c.Start, End = c.End, Status = c.Status.ToString(),
        CancellationReason = c.CancellationReason, RecordedAt = c.RecordedAt, Stamp = c.ConcurrencyStamp,
    };

    public static Contract FromRow(ContractRow r)
        => new(r.TenantId, new ContractId(r.Id), r.ContactId, r.Plan, r.Start, r.End, Enum.Parse<ContractStatus>(r.Status), r.CancellationReason, r.RecordedAt, r.Stamp);

    public static CaseRow ToRow(SupportCase c) => new()
    {
        TenantId = c.TenantId, Id = c.Id.Value, ContactId = c.ContactId, TrackingCode = c.TrackingCode, Status = c.Status.ToString(), OpenedAt = c.OpenedAt,
        AwaitsSlaCheck = c.AwaitsSlaCheck, RecordedAt = c.RecordedAt, Stamp = c.ConcurrencyStamp,
        Document = JsonSerializer.Serialize(
            new CaseDocument(
                1, c.IsImported, c.Subject, c.Priority.ToString(), c.Category, c.Channel.ToString(), c.Assignee?.Value,
                [.. c.StatusHistory.Select(static h => new StatusDocument(h.Status.ToString(), h.At.ToUnixTimeTicks()))], c.FirstResponseAt?.ToUnixTimeTicks(), c.ContactCount,
                [.. c.RelatedCases.Select(static r => r.Value)], c.SlaTargets?.FirstResponse.BclCompatibleTicks, c.SlaTargets?.Resolution.BclCompatibleTicks, (int)c.SlaProgress),
            InteractionDocumentsJsonContext.Default.CaseDocument),
    };

    public static SupportCase FromRow(CaseRow r)
    {
        var d = JsonSerializer.Deserialize(r.Document, InteractionDocumentsJsonContext.Default.CaseDocument) ?? throw new InvalidOperationException("An empty case document.");
        var targets = d.FirstResponseTargetTicks is { } f && d.ResolutionTargetTicks is { } s ? new SlaTargets(Duration.FromTicks(f), Duration.FromTicks(s)) : null;
        return new(
            r.TenantId, new CaseId(r.Id), r.ContactId, r.TrackingCode, d.IsImported, d.Subject, Enum.Parse<CasePriority>(d.Priority), d.Category, Enum.Parse<InteractionChannel>(d.Channel),
            d.Assignee is null ? null : new TeamMemberId(d.Assignee), d.History.Select(static h => new CaseStatusChange(Enum.Parse<CaseStatus>(h.Status), Instant.FromUnixTimeTicks(h.At))),
            d.FirstResponseAt is { } at ? Instant.FromUnixTimeTicks(at) : null, d.ContactCount, d.RelatedCases.Select(static g => new CaseId(g)), targets, (SlaProgress)d.SlaProgress,
            r.RecordedAt, r.Stamp);
    }

    public static FeedbackRow ToRow(FeedbackResponse f) => new()
    {
        TenantId = f.TenantId, Id = f.Id.Value, ContactId = f.ContactId, Survey = f.Survey.ToString(), Score = f.Score, Comment = f.Comment, Channel = f.Channel.ToString(),
        RespondedAt = f.RespondedAt, CaseId = f.CaseId?.Value, RecordedAt = f.RecordedAt, Stamp = f.ConcurrencyStamp,
    };

    public static FeedbackResponse FromRow(FeedbackRow r)
        => new(r.TenantId, new FeedbackId(r.Id), r.ContactId, Enum.Parse<FeedbackSurvey>(r.Survey), r.Score, r.Comment, Enum.Parse<InteractionChannel>(r.Channel), r.RespondedAt,
            r.CaseId is { } c ? new CaseId(c) : null, r.RecordedAt, r.Stamp);
}

/// <summary>The JSON document of a purchase row.</summary>
internal sealed record PurchaseDocument(int Version, IReadOnlyList<LineDocument> Lines, IReadOnlyList<RefundDocument> Refunds);

/// <summary>One purchase line in a purchase document.</summary>
internal sealed record LineDocument(string? Sku, string? Category, decimal Quantity, decimal Amount);

/// <summary>One refund in a purchase document (instant in Unix ticks).</summary>
internal sealed record RefundDocument(int Number, decimal Amount, long RefundedAt, string? Reason);

/// <summary>The JSON document of a case row (instants in Unix ticks, durations in ticks).</summary>
internal sealed record CaseDocument(
    int Version, bool IsImported, string? Subject, string Priority, string? Category, string Channel, string? Assignee, IReadOnlyList<StatusDocument> History,
    long? FirstResponseAt, int ContactCount, IReadOnlyList<Guid> RelatedCases, long? FirstResponseTargetTicks, long? ResolutionTargetTicks, int SlaProgress);

/// <summary>One status change in a case document.</summary>
internal sealed record StatusDocument(string Status, long At);

/// <summary>Source-generated JSON for the row documents.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(PurchaseDocument))]
[JsonSerializable(typeof(CaseDocument))]
internal sealed partial class InteractionDocumentsJsonContext : JsonSerializerContext;
