using System.Globalization;
using Crm.Metrics;
using NodaTime.Text;

namespace Crm.Samples.RetentionReport.Input;

/// <summary>Reads the fields of one row (<c>customer_id,date,amount</c>), or says exactly what is wrong.</summary>
internal static class TransactionRowParser
{
    private static readonly LocalDatePattern DateOnly = LocalDatePattern.Iso;
    private static readonly InstantPattern Utc = InstantPattern.ExtendedIso;
    private static readonly OffsetDateTimePattern WithOffset = OffsetDateTimePattern.ExtendedIso;

    /// <summary>The customer key: any non-blank text, kept as written (trimmed).</summary>
    /// <returns>The key, or null with <paramref name="error"/> set.</returns>
    public static string? Customer(ReadOnlySpan<char> field, out string? error)
    {
        var trimmed = field.Trim();
        error = trimmed.IsEmpty ? "customer_id is empty." : null;
        return trimmed.IsEmpty ? null : trimmed.ToString();
    }

    /// <summary>
    /// The purchase: a date <c>yyyy-MM-dd</c> makes a date-only purchase, which keeps that day in every zone; an ISO-8601
    /// instant (<c>2024-03-05T10:15:00Z</c>, or with an offset such as <c>+02:00</c>) is taken as it is, its day read in the
    /// report's zone.
    /// </summary>
    /// <returns>The purchase, or null with <paramref name="error"/> set.</returns>
    public static Purchase<string>? Purchase(string customer, ReadOnlySpan<char> field, decimal amount, out string? error)
    {
        var text = field.Trim().ToString();
        error = null;
        if (text.Length == 10 && DateOnly.Parse(text) is { Success: true } date)
        {
            return new Purchase<string>(customer, date.Value, amount);
        }

        if (Utc.Parse(text) is { Success: true } instant)
        {
            return new Purchase<string>(customer, instant.Value, amount);
        }

        if (WithOffset.Parse(text) is { Success: true } offset)
        {
            return new Purchase<string>(customer, offset.Value.ToInstant(), amount);
        }

        error = $"date '{text}' is neither a date yyyy-MM-dd nor an ISO-8601 instant such as 2024-03-05T10:15:00Z.";
        return null;
    }

    /// <summary>The amount: a non-negative number with '.' as decimal separator and no thousands separator.</summary>
    public static decimal? Amount(ReadOnlySpan<char> field, out string? error)
    {
        var trimmed = field.Trim();
        error = null;
        if (!decimal.TryParse(trimmed, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            error = $"amount '{trimmed}' is not a number with '.' as decimal separator (no thousands separator).";
            return null;
        }

        if (amount < 0)
        {
            error = $"amount '{trimmed}' is negative; refunds are not purchases in this report (net them out first).";
            return null;
        }

        return amount;
    }
}
