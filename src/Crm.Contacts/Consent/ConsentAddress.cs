using Crm.Contacts.Privacy;
using Crm.Contacts.Profile;
using Crm.Privacy;

namespace Crm.Contacts.Consent;

/// <summary>The address a consent applies to: one email address, one phone number, or (the default) any address of the contact.</summary>
/// <remarks>
/// Consent is per purpose and per address: agreeing to the newsletter at a work address says nothing about a private
/// one. Addresses are held in their normalized form (<see cref="EmailAddress.NormalizedAddress"/>, E.164), so a consent
/// keeps matching however the address is later written. The default value is <see cref="Any"/>.
/// </remarks>
public readonly struct ConsentAddress : IEquatable<ConsentAddress>
{
    private readonly string? _value;

    private ConsentAddress(ConsentAddressKind kind, string? value)
    {
        Kind = kind;
        _value = value;
    }

    /// <summary>Every address of the contact.</summary>
    public static ConsentAddress Any => default;

    /// <summary>Which kind of address this is.</summary>
    public ConsentAddressKind Kind { get; }

    /// <summary>The normalized address, or an empty string for <see cref="Any"/> and for an erased address (<see cref="IsErased"/>).</summary>
    [PersonalData]
    public string Value => _value ?? string.Empty;

    /// <summary>Whether this names an email address or phone number that was erased on request: the kind is kept, the address is gone.</summary>
    /// <remarks>Found only in the consent history of an erased contact, where it keeps the proof (purpose, basis, instants) without the address.</remarks>
    public bool IsErased => Kind != ConsentAddressKind.AnyAddress && _value is null;

    /// <summary>The consent address of one email address.</summary>
    /// <exception cref="ArgumentException"><paramref name="email"/> is the default value.</exception>
    public static ConsentAddress ForEmail(EmailAddress email)
        => email.IsEmpty
            ? throw new ArgumentException("A consent address needs a non-empty EmailAddress.", nameof(email))
            : new(ConsentAddressKind.Email, email.NormalizedAddress);

    /// <summary>The consent address of one phone number.</summary>
    /// <exception cref="ArgumentException"><paramref name="phone"/> is the default value.</exception>
    public static ConsentAddress ForPhone(PhoneNumber phone)
        => phone.IsEmpty
            ? throw new ArgumentException("A consent address needs a non-empty PhoneNumber.", nameof(phone))
            : new(ConsentAddressKind.Phone, phone.E164);

    /// <summary>The same kind of address with the address itself dropped (privacy erasure).</summary>
    /// <summary>Rebuilds a stored address: <paramref name="value"/> must be the normalized form, or null for an erased address.</summary>
    /// <returns>The rule the stored values break, or <see langword="null"/> when <paramref name="address"/> was rebuilt.</returns>
    internal static string? TryRestore(ConsentAddressKind kind, string? value, out ConsentAddress address)
    {
        address = default;
        switch (kind)
        {
            case ConsentAddressKind.AnyAddress:
                return value is null ? null : "ConsentAddress of kind AnyAddress must not have an address";
            case ConsentAddressKind.Email:
                if (value is null)
                {
                    address = new(kind, null);
                    return null;
                }

                if (!EmailAddress.TryParse(value, out var email) || !string.Equals(email.NormalizedAddress, value, StringComparison.Ordinal))
                {
                    return "ConsentAddress of kind Email must hold a valid email address in normalized form";
                }

                address = ForEmail(email);
                return null;
            case ConsentAddressKind.Phone:
                if (value is null)
                {
                    address = new(kind, null);
                    return null;
                }

                if (!PhoneNumber.TryParse(value, null, out var phone) || !string.Equals(phone.E164, value, StringComparison.Ordinal))
                {
                    return "ConsentAddress of kind Phone must hold a valid phone number in E.164 form";
                }

                address = ForPhone(phone);
                return null;
            default:
                return "ConsentAddress kind must be a defined ConsentAddressKind";
        }
    }

    internal ConsentAddress WithoutAddress() => Kind == ConsentAddressKind.AnyAddress ? this : new(Kind, null);

    /// <summary>Whether this consent address names <paramref name="email"/>.</summary>
    public bool Matches(EmailAddress email) => Kind == ConsentAddressKind.Email && string.Equals(Value, email.NormalizedAddress, StringComparison.Ordinal);

    /// <summary>Whether this consent address names <paramref name="phone"/>.</summary>
    public bool Matches(PhoneNumber phone) => Kind == ConsentAddressKind.Phone && string.Equals(Value, phone.E164, StringComparison.Ordinal);

    /// <inheritdoc />
    public bool Equals(ConsentAddress other) => Kind == other.Kind && string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ConsentAddress other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, StringComparer.Ordinal.GetHashCode(Value));

    /// <summary>The kind, and the address when there is one, e.g. <c>Email:ann@example.com</c> (<c>Email:(erased)</c> once erased).</summary>
    public override string ToString() => Kind == ConsentAddressKind.AnyAddress ? "AnyAddress" : IsErased ? $"{Kind}:(erased)" : $"{Kind}:{Value}";

    /// <summary>Compares two consent addresses.</summary>
    public static bool operator ==(ConsentAddress left, ConsentAddress right) => left.Equals(right);

    /// <summary>Compares two consent addresses.</summary>
    public static bool operator !=(ConsentAddress left, ConsentAddress right) => !left.Equals(right);
}
