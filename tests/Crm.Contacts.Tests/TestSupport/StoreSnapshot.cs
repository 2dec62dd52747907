using Crm.Contacts.Storage;
using Crm.Storage;

namespace Crm.Contacts.Tests.TestSupport;

/// <summary>Compares what a store holds before and after an operation: ids and stamps of every contact.</summary>
internal static class StoreSnapshot
{
    public static async Task<IReadOnlyDictionary<ContactId, ConcurrencyStamp>> TakeAsync(IContactStore store, TenantId tenant)
    {
        var result = new Dictionary<ContactId, ConcurrencyStamp>();
        string? cursor = null;
        do
        {
            var page = await store.ListAsync(tenant, new PageRequest(PageRequest.MaxPageSize, cursor), CancellationToken.None);
            foreach (var c in page.Items)
            {
                result.Add(c.Id, c.ConcurrencyStamp);
            }

            cursor = page.NextCursor;
        }
        while (cursor is not null);

        return result;
    }
}
