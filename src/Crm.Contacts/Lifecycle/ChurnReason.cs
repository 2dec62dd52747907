using Crm.Contacts.Privacy;
using Crm.Contacts.Profile;
using Crm.Privacy;

namespace Crm.Contacts.Lifecycle;

/// <summary>Why a contact churned: a host-defined reason code, and optionally a staff note.</summary>
/// <remarks>
/// <see cref="Code"/> is what reports group by and the only part that may appear in logs and events (1–64 ASCII
/// letters, digits, '-', '_', '.' or ':', lower case, e.g. <c>price</c>, <c>moved-away</c>, <c>competitor:acme</c>).
/// <see cref="Note"/> is free text written by staff (at most <see cref="MaxNoteLength"/> characters); it may quote the
/// customer, so it is personal data and never leaves the contact record.
/// </remarks>
public readonly struct ChurnReason : IEquatable<ChurnReason>
{
    /// <summary>The maximum length of <see cref="Code"/>.</summary>
    public const int MaxCodeLength = 64;

    /// <summary>The maximum length of <see cref="Note"/>.</summary>
    public const int MaxNoteLength = 1000;

    private readonly string? _code;

    /// <summary>Creates a churn reason.</summary>
    /// <exception cref="ArgumentException">The code is empty, too long or has a character outside the allowed set; or the note is too long or has control characters other than line breaks.</exception>
    public ChurnReason(string code, string? note = null)
    {
        _code = TextRules.Code(code, MaxCodeLength, "ChurnReason.Code", nameof(code));
        Note = TextRules.OptionalText(note, MaxNoteLength, "ChurnReason.Note", nameof(note), allowLineBreaks: true);
    }

    /// <summary>The reason code, lower case.</summary>
    public string Code => _code ?? string.Empty;

    /// <summary>A staff note, or <see langword="null"/>.</summary>
    [PersonalData]
    public string? Note { get; }

    /// <summary>Whether this is the default (empty, invalid) value.</summary>
    public bool IsEmpty => _code is null;

    /// <inheritdoc />
    public bool Equals(ChurnReason other)
        => string.Equals(_code, other._code, StringComparison.Ordinal) && string.Equals(Note, other.Note, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ChurnReason other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_code, Note);

    /// <summary>The code only (never the note).</summary>
    public override string ToString() => Code;

    /// <summary>Compares two reasons.</summary>
    public static bool operator ==(ChurnReason left, ChurnReason right) => left.Equals(right);

    /// <summary>Compares two reasons.</summary>
    public static bool operator !=(ChurnReason left, ChurnReason right) => !left.Equals(right);
}
