using Crm.Storage;

namespace Crm.Interactions;

/// <summary>Re-checks a store's page of per-contact answers before a manager hands it out: no more items than asked, strictly ascending contact ids, each matching the query.</summary>
internal static class ContactPages
{
    public static void Check<T>(Page<T>? page, PageRequest request, Func<T, ContactId> contactOf, Func<T, bool> matches, string store)
        where T : class
    {
        var ok = page is not null && page.Items.Count <= request.Size;
        for (var i = 0; ok && i < page!.Items.Count; i++)
        {
            ok = page.Items[i] is { } item && matches(item) && (i == 0 || contactOf(page.Items[i - 1]).Value.CompareTo(contactOf(item).Value) < 0);
        }

        if (!ok)
        {
            throw new InvalidOperationException($"The {store} returned a page that breaks its contract (size, order or filter); the answer was refused.");
        }
    }
}
