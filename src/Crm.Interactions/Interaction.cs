using Crm.Privacy;
using Crm.Storage;
using NodaTime;

namespace Crm.Interactions;

/// <summary>One touchpoint on a contact's timeline: a purchase, a call, an e-mail, a meeting, a message, a note, a case event, a feedback response, a follow-up outcome.</summary>
/// <remarks>
/// Immutable: the only change after recording is <see cref="Anonymized"/> (erasure), which drops <see cref="Summary"/> and
/// keeps every other fact. <see cref="OccurredAt"/> is when it happened (it may lie in the past, for imports and
/// webhooks); <see cref="RecordedAt"/> is when it was stored. The timeline orders by (<see cref="OccurredAt"/>,
/// <see cref="Id"/>) newest first.
/// </remarks>
public sealed class Interaction
{
    /// <summary>Creates an interaction; managers validate the input, this constructor checks the invariants.</summary>
    /// <exception cref="ArgumentException">The tenant or an id is empty, or a value is outside its enum.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="links"/> is null.</exception>
    public Interaction(
        TenantId tenantId, InteractionId id, ContactId contactId, InteractionKind kind, InteractionChannel channel, InteractionDirection direction,
        Instant occurredAt, TeamMemberId? teamMember, string? summary, InteractionLinks links, Instant recordedAt, ConcurrencyStamp concurrencyStamp)
    {
        TenantId.ThrowIfEmpty(tenantId);
        InteractionId.ThrowIfEmpty(id);
        ContactId.ThrowIfEmpty(contactId);
        ArgumentNullException.ThrowIfNull(links);
        EnumRules.Check(kind, nameof(kind));
        EnumRules.Check(channel, nameof(channel));
        EnumRules.Check(direction, nameof(direction));
        if (teamMember is { IsEmpty: true })
        {
            throw new ArgumentException("TeamMember must be null or a non-empty id.", nameof(teamMember));
        }

        if (concurrencyStamp.IsEmpty)
        {
            throw new ArgumentException("An interaction needs a concurrency stamp.", nameof(concurrencyStamp));
        }

        TenantId = tenantId;
        Id = id;
        ContactId = contactId;
        Kind = kind;
        Channel = channel;
        Direction = direction;
        OccurredAt = occurredAt;
        TeamMember = teamMember;
        Summary = summary;
        Links = links;
        RecordedAt = recordedAt;
        ConcurrencyStamp = concurrencyStamp;
    }

    /// <summary>The tenant.</summary>
    public TenantId TenantId { get; }

    /// <summary>The id.</summary>
    public InteractionId Id { get; }

    /// <summary>The contact the interaction was with.</summary>
    public ContactId ContactId { get; }

    /// <summary>What kind of touchpoint it is.</summary>
    public InteractionKind Kind { get; }

    /// <summary>The channel it happened through.</summary>
    public InteractionChannel Channel { get; }

    /// <summary>Who started it.</summary>
    public InteractionDirection Direction { get; }

    /// <summary>When it happened.</summary>
    public Instant OccurredAt { get; }

    /// <summary>The team member involved, if any.</summary>
    public TeamMemberId? TeamMember { get; }

    /// <summary>A short description in the team's words; <see langword="null"/> when none was given or after erasure.</summary>
    [PersonalData]
    public string? Summary { get; }

    /// <summary>The case, purchase, contract, feedback response or order it belongs to.</summary>
    public InteractionLinks Links { get; }

    /// <summary>When it was stored.</summary>
    public Instant RecordedAt { get; }

    /// <summary>The version token, new on every write.</summary>
    public ConcurrencyStamp ConcurrencyStamp { get; }

    /// <summary>A copy without the free text (the summary) and the order reference, with a new stamp: what erasure keeps.</summary>
    public Interaction Anonymized()
        => new(TenantId, Id, ContactId, Kind, Channel, Direction, OccurredAt, TeamMember, null, Links with { OrderReference = null }, RecordedAt, ConcurrencyStamp.New());

    /// <summary>The kind, channel, instant and id; never the summary.</summary>
    public override string ToString() => $"{Kind} via {Channel} at {OccurredAt} ({Id})";
}
