namespace Crm.Interactions.InMemory;

/// <summary>The cursor of pages in contact id order: the last contact's id, 32 hex digits.</summary>
internal static class ContactCursor
{
    public static Guid? Parse(string? cursor, string paramName)
        => cursor is null ? null
            : Guid.TryParseExact(cursor, "N", out var id) ? id
            : throw new ArgumentException("The page cursor was not produced by this store.", paramName);

    public static string Format(ContactId contactId) => contactId.Value.ToString("N");
}
