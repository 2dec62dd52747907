using NodaTime;

namespace Crm.Contacts.Consent;

/// <summary>The current state of one consent (purpose and address), derived from the contact's consent history.</summary>
/// <remarks>
/// Derived by replaying the history in order: a grant starts a new grant (awaiting confirmation when it says so), a
/// confirmation completes the pending grant, a withdrawal ends it. <see cref="IsGiven"/> is what a host checks before
/// sending: only a grant that needs no confirmation, or one that was confirmed, and was not withdrawn since, allows
/// processing. A consent for <see cref="ConsentAddress.Any"/> is separate from consents for specific addresses; the
/// host decides how to combine them (see <c>Contact.IsConsentGiven</c>).
/// </remarks>
public sealed class ConsentState
{
    internal ConsentState(ConsentPurpose purpose, ConsentAddress address)
    {
        Purpose = purpose;
        Address = address;
    }

    /// <summary>The purpose.</summary>
    public ConsentPurpose Purpose { get; }

    /// <summary>The address.</summary>
    public ConsentAddress Address { get; }

    /// <summary>The current status.</summary>
    public ConsentStatus Status { get; private set; }

    /// <summary>Whether processing for the purpose at the address is allowed now.</summary>
    public bool IsGiven => Status == ConsentStatus.Granted;

    /// <summary>The lawful basis of the latest grant, or <see langword="null"/> when never granted.</summary>
    public LawfulBasis? Basis { get; private set; }

    /// <summary>When the latest grant was recorded.</summary>
    public Instant? GrantedAt { get; private set; }

    /// <summary>The evidence reference of the latest grant.</summary>
    public string? GrantSource { get; private set; }

    /// <summary>When the latest grant was confirmed (double opt-in), or <see langword="null"/>.</summary>
    public Instant? ConfirmedAt { get; private set; }

    /// <summary>The evidence reference of the confirmation.</summary>
    public string? ConfirmationSource { get; private set; }

    /// <summary>When the consent was last withdrawn, or <see langword="null"/>.</summary>
    public Instant? WithdrawnAt { get; private set; }

    /// <summary>The evidence reference of the latest withdrawal.</summary>
    public string? WithdrawalSource { get; private set; }

    /// <summary>Replays <paramref name="history"/> for one purpose and address.</summary>
    internal static ConsentState Derive(IEnumerable<ConsentRecord> history, ConsentPurpose purpose, ConsentAddress address)
    {
        var state = new ConsentState(purpose, address);
        foreach (var record in history)
        {
            if (record.Purpose == purpose && record.Address == address)
            {
                state.Apply(record);
            }
        }

        return state;
    }

    /// <summary>Every distinct consent in <paramref name="history"/>, in order of first appearance.</summary>
    internal static IReadOnlyList<ConsentState> DeriveAll(IReadOnlyList<ConsentRecord> history)
    {
        var states = new Dictionary<(ConsentPurpose, ConsentAddress), ConsentState>();
        var ordered = new List<ConsentState>();
        foreach (var record in history)
        {
            if (!states.TryGetValue((record.Purpose, record.Address), out var state))
            {
                state = new ConsentState(record.Purpose, record.Address);
                states.Add((record.Purpose, record.Address), state);
                ordered.Add(state);
            }

            state.Apply(record);
        }

        return ordered;
    }

    private void Apply(ConsentRecord record)
    {
        switch (record.Action)
        {
            case ConsentAction.Granted:
                Status = record.AwaitsConfirmation ? ConsentStatus.AwaitingConfirmation : ConsentStatus.Granted;
                Basis = record.Basis;
                GrantedAt = record.RecordedAt;
                GrantSource = record.Source;
                ConfirmedAt = null;
                ConfirmationSource = null;
                break;
            case ConsentAction.Confirmed when Status == ConsentStatus.AwaitingConfirmation:
                Status = ConsentStatus.Granted;
                ConfirmedAt = record.RecordedAt;
                ConfirmationSource = record.Source;
                break;
            case ConsentAction.Withdrawn:
                Status = ConsentStatus.Withdrawn;
                WithdrawnAt = record.RecordedAt;
                WithdrawalSource = record.Source;
                break;
            default:
                // A confirmation with nothing pending confirms nothing; the manager never records one.
                break;
        }
    }

    /// <summary>Purpose, address kind and status; never the address itself (it is personal data).</summary>
    public override string ToString() => $"{Purpose} {Address.Kind}: {Status}";
}
