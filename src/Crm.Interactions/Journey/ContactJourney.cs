using NodaTime;

namespace Crm.Interactions.Journey;

/// <summary>Where a contact is on its journey (awareness → engagement → purchase → post-purchase → advocacy) and when it first reached each stage, derived from its touchpoints.</summary>
/// <remarks>
/// <para>A touchpoint is a timeline entry whose kind is not <see cref="InteractionKind.Note"/> (a note is the team's own
/// record, not contact with the customer). The stages are reached at:</para>
/// <list type="bullet">
/// <item><description><see cref="JourneyStage.Awareness"/>: the first touchpoint of any kind.</description></item>
/// <item><description><see cref="JourneyStage.Engagement"/>: the first inbound touchpoint (a call, e-mail or message from
/// the contact, a purchase, a case opened, a feedback response) or meeting.</description></item>
/// <item><description><see cref="JourneyStage.Purchase"/>: the first purchase that was not fully refunded.</description></item>
/// <item><description><see cref="JourneyStage.PostPurchase"/>: the first touchpoint (or advocacy evidence) strictly after
/// that purchase.</description></item>
/// <item><description><see cref="JourneyStage.Advocacy"/>: the first NPS promoter response (9–10) or host-provided
/// advocacy evidence (<see cref="IAdvocacySignal"/>, e.g. a referral) strictly after that purchase.</description></item>
/// </list>
/// <para>So the instants never decrease along the stages, and a stage is reached only when the one before it is.</para>
/// </remarks>
public sealed class ContactJourney
{
    private readonly Instant?[] _reachedAt;

    /// <summary>Creates a journey from the instant each stage was reached.</summary>
    /// <exception cref="ArgumentException">The tenant or contact is empty, or a stage is reached without the one before it, or before it.</exception>
    public ContactJourney(TenantId tenantId, ContactId contactId, Instant? awarenessAt, Instant? engagementAt, Instant? purchaseAt, Instant? postPurchaseAt, Instant? advocacyAt)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ContactId.ThrowIfEmpty(contactId);
        _reachedAt = [awarenessAt, engagementAt, purchaseAt, postPurchaseAt, advocacyAt];
        for (var i = 1; i < _reachedAt.Length; i++)
        {
            if (_reachedAt[i] is { } at && (_reachedAt[i - 1] is not { } before || at < before))
            {
                throw new ArgumentException($"The stage {(JourneyStage)(i + 1)} cannot be reached without, or before, {(JourneyStage)i}.", nameof(contactId));
            }
        }

        TenantId = tenantId;
        ContactId = contactId;
    }

    /// <summary>The tenant.</summary>
    public TenantId TenantId { get; }

    /// <summary>The contact.</summary>
    public ContactId ContactId { get; }

    /// <summary>The furthest stage reached, or <see langword="null"/> for a contact without touchpoints.</summary>
    public JourneyStage? Stage
    {
        get
        {
            for (var i = _reachedAt.Length - 1; i >= 0; i--)
            {
                if (_reachedAt[i] is not null)
                {
                    return (JourneyStage)(i + 1);
                }
            }

            return null;
        }
    }

    /// <summary>When the contact first reached <see cref="JourneyStage.Awareness"/>.</summary>
    public Instant? AwarenessAt => _reachedAt[0];

    /// <summary>When the contact first reached <see cref="JourneyStage.Engagement"/>.</summary>
    public Instant? EngagementAt => _reachedAt[1];

    /// <summary>When the contact first reached <see cref="JourneyStage.Purchase"/>.</summary>
    public Instant? PurchaseAt => _reachedAt[2];

    /// <summary>When the contact first reached <see cref="JourneyStage.PostPurchase"/>.</summary>
    public Instant? PostPurchaseAt => _reachedAt[3];

    /// <summary>When the contact first reached <see cref="JourneyStage.Advocacy"/>.</summary>
    public Instant? AdvocacyAt => _reachedAt[4];

    /// <summary>When the contact first reached <paramref name="stage"/>, or <see langword="null"/> when it has not.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="stage"/> is not defined.</exception>
    public Instant? ReachedAt(JourneyStage stage)
    {
        EnumRules.Check(stage, nameof(stage));
        return _reachedAt[(int)stage - 1];
    }

    /// <summary>The contact and its stage, e.g. <c>3f2… at PostPurchase</c>.</summary>
    public override string ToString() => $"{ContactId} at {(Stage is { } stage ? stage.ToString() : "no stage")}";
}
