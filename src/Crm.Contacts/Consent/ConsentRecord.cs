using Crm.Contacts.Profile;
using NodaTime;

namespace Crm.Contacts.Consent;

/// <summary>One entry of a contact's append-only consent history: a grant, a confirmation or a withdrawal, with when and where it was recorded.</summary>
/// <remarks>
/// The history is the proof a controller keeps under GDPR Art. 7(1): entries are never changed or removed (short of
/// erasing the contact), and the current state (<see cref="ConsentState"/>) is derived from them.
/// </remarks>
public sealed class ConsentRecord
{
    /// <summary>The maximum length of <see cref="Source"/>.</summary>
    public const int MaxSourceLength = 200;

    /// <summary>Creates a history entry.</summary>
    /// <exception cref="ArgumentException">The purpose is empty, the source is empty, too long or multi-line, or a non-grant awaits confirmation.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The basis or action is not a defined value.</exception>
    public ConsentRecord(
        ConsentPurpose purpose,
        ConsentAddress address,
        ConsentAction action,
        LawfulBasis basis,
        Instant recordedAt,
        string source,
        bool awaitsConfirmation = false)
    {
        if (purpose.IsEmpty)
        {
            throw new ArgumentException("ConsentRecord.Purpose must not be empty.", nameof(purpose));
        }

        if (!Enum.IsDefined(action))
        {
            throw new ArgumentOutOfRangeException(nameof(action), action, "ConsentRecord.Action must be a defined ConsentAction.");
        }

        if (!Enum.IsDefined(basis))
        {
            throw new ArgumentOutOfRangeException(nameof(basis), basis, "ConsentRecord.Basis must be a defined LawfulBasis.");
        }

        if (awaitsConfirmation && action != ConsentAction.Granted)
        {
            throw new ArgumentException("Only a grant can await confirmation.", nameof(awaitsConfirmation));
        }

        Purpose = purpose;
        Address = address;
        Action = action;
        Basis = basis;
        RecordedAt = recordedAt;
        Source = TextRules.RequiredText(source, MaxSourceLength, "ConsentRecord.Source", nameof(source));
        AwaitsConfirmation = awaitsConfirmation;
    }

    /// <summary>The purpose.</summary>
    public ConsentPurpose Purpose { get; }

    /// <summary>The address.</summary>
    public ConsentAddress Address { get; }

    /// <summary>What happened.</summary>
    public ConsentAction Action { get; }

    /// <summary>The lawful basis the grant relies on (for confirmations and withdrawals, the basis of the grant they follow).</summary>
    public LawfulBasis Basis { get; }

    /// <summary>When it was recorded, from the injected clock.</summary>
    public Instant RecordedAt { get; }

    /// <summary>Where the evidence is: a host-defined reference such as <c>web:signup-form:v3</c>, <c>doi-email:4f2a…</c> or <c>call-centre:agent-17</c>.</summary>
    public string Source { get; }

    /// <summary>Whether this grant needs a confirmation (double opt-in) before processing is allowed.</summary>
    public bool AwaitsConfirmation { get; }

    /// <summary>Purpose, address kind, action and time; never the address itself (it is personal data).</summary>
    public override string ToString() => $"{Purpose} {Address.Kind} {Action} at {RecordedAt}";
}
