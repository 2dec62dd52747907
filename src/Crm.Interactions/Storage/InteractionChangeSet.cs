using Crm.Interactions.Feedback;
using Crm.Interactions.Purchases;
using Crm.Interactions.Support;
using Crm.Storage;

namespace Crm.Interactions.Storage;

/// <summary>Everything one manager operation of the interactions package writes, applied by <see cref="IInteractionStore.SaveAsync"/> atomically: all of it, or (on any failed check) none of it.</summary>
/// <remarks>
/// <para>Before writing anything a store checks that no created id exists; that every replaced record still has its
/// expected stamp; that no <see cref="IdempotencyKeys"/> key is recorded and each names an interaction of
/// <see cref="InteractionsRecorded"/>; that no created case's tracking code is taken in the tenant (entity
/// <c>tracking code</c>); and that every <see cref="ChangeSet.VersionChecks"/> counter is at its expected version. Any
/// failed check throws <see cref="ConcurrencyConflictException"/> and writes nothing. A record of another tenant, or one
/// named twice, is malformed: <see cref="ArgumentException"/>, nothing written.</para>
/// <para>A store that implements <see cref="Crm.Outbox.IOutboxStore"/> writes <see cref="ChangeSet.Events"/> to its outbox in the same atomic save.</para>
/// </remarks>
public sealed partial class InteractionChangeSet : ChangeSet
{
    /// <summary>The name of the tenant's case sequence counter, from which tracking codes are drawn: opening a case advances it.</summary>
    public const string CaseSequenceCounter = "interactions.case_sequence";

    /// <summary>New timeline entries.</summary>
    public IReadOnlyList<Interaction> InteractionsRecorded { get; init; } = [];

    /// <summary>Replaced timeline entries (erasure).</summary>
    public IReadOnlyList<Replacement<Interaction>> InteractionsReplaced { get; init; } = [];

    /// <summary>New purchases.</summary>
    public IReadOnlyList<Purchase> PurchasesCreated { get; init; } = [];

    /// <summary>Replaced purchases (a refund, erasure).</summary>
    public IReadOnlyList<Replacement<Purchase>> PurchasesReplaced { get; init; } = [];

    /// <summary>New contracts.</summary>
    public IReadOnlyList<Contract> ContractsCreated { get; init; } = [];

    /// <summary>Replaced contracts (ended, cancelled, erasure).</summary>
    public IReadOnlyList<Replacement<Contract>> ContractsReplaced { get; init; } = [];

    /// <summary>New support cases; each tracking code must be free in the tenant.</summary>
    public IReadOnlyList<SupportCase> CasesCreated { get; init; } = [];

    /// <summary>Replaced support cases.</summary>
    public IReadOnlyList<Replacement<SupportCase>> CasesReplaced { get; init; } = [];

    /// <summary>New feedback responses.</summary>
    public IReadOnlyList<FeedbackResponse> FeedbackRecorded { get; init; } = [];

    /// <summary>Replaced feedback responses (erasure).</summary>
    public IReadOnlyList<Replacement<FeedbackResponse>> FeedbackReplaced { get; init; } = [];

    /// <summary>Idempotency keys to record.</summary>
    public IReadOnlyList<InteractionIdempotencyKey> IdempotencyKeys { get; init; } = [];

    /// <summary>A guard on the case sequence counter at <paramref name="expectedVersion"/>, advancing it.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="expectedVersion"/> is negative.</exception>
    public static VersionCheck CaseSequenceCheck(long expectedVersion) => new(CaseSequenceCounter, expectedVersion, advance: true);

    /// <summary>Whether the change set writes nothing.</summary>
    public override bool IsEmpty => base.IsEmpty && InteractionsRecorded.Count == 0 && InteractionsReplaced.Count == 0 && PurchasesCreated.Count == 0
        && PurchasesReplaced.Count == 0 && ContractsCreated.Count == 0 && ContractsReplaced.Count == 0 && CasesCreated.Count == 0
        && CasesReplaced.Count == 0 && FeedbackRecorded.Count == 0 && FeedbackReplaced.Count == 0 && IdempotencyKeys.Count == 0 && HasNoFollowUps;

    /// <summary>How many records of each kind the change set writes.</summary>
    public override string ToString()
        => $"InteractionChangeSet ({InteractionsRecorded.Count}+{InteractionsReplaced.Count} interaction(s), {PurchasesCreated.Count}+{PurchasesReplaced.Count} purchase(s), "
            + $"{ContractsCreated.Count}+{ContractsReplaced.Count} contract(s), {CasesCreated.Count}+{CasesReplaced.Count} case(s), {FeedbackRecorded.Count}+{FeedbackReplaced.Count} feedback, {FollowUpsCreated.Count}+{FollowUpsReplaced.Count} follow-up(s), "
            + $"{IdempotencyKeys.Count} key(s), {VersionChecks.Count} counter check(s), {Events.Count} event(s))";
}
