using System.Globalization;
using System.Text;
using Crm.Contacts.Storage;
using Crm.Storage;

namespace Crm.Contacts.Tests.TestSupport;

/// <summary>A full textual image of a tenant's data in a store (every contact field, every referral edge, every merge record), to prove "nothing changed".</summary>
internal static class StoreDump
{
    public static async Task<string> TakeAsync(GraphTrackingStore store, TenantId tenant)
    {
        var text = new StringBuilder();
        string? cursor = null;
        var ids = new List<ContactId>();
        do
        {
            var page = await store.ListAsync(tenant, new PageRequest(PageRequest.MaxPageSize, cursor), CancellationToken.None);
            foreach (var c in page.Items)
            {
                ids.Add(c.Id);
                text.Append(CultureInfo.InvariantCulture, $"contact {c.Id} stamp={c.ConcurrencyStamp} status={c.Status} into={c.MergedIntoId} created={c.CreatedAt} updated={c.UpdatedAt} statusAt={c.StatusChangedAt} origin={c.Origin}\n");
                text.Append(CultureInfo.InvariantCulture, $"  name={c.Name?.DisplayName}|{c.Name?.GivenName}|{c.Name?.FamilyName}|{c.Name?.SortName} birthday={c.Birthday} birthplace={c.Birthplace} lang={c.PreferredLanguage} tz={c.TimeZone?.Id} acq={c.Acquisition}\n");
                text.Append(CultureInfo.InvariantCulture, $"  emails={string.Join(",", c.Emails.Select(e => e.Address))} phones={string.Join(",", c.PhoneNumbers)} tags={string.Join(",", c.Tags)}\n");
                text.Append(CultureInfo.InvariantCulture, $"  attributes={string.Join(",", c.Attributes.Select(a => $"{a.Key}={a.Value.Kind}:{a.Value}"))}\n");
                foreach (var r in c.ConsentHistory)
                {
                    text.Append(CultureInfo.InvariantCulture, $"  consent {r.Purpose} {r.Address.Kind} {r.Action} {r.Basis} {r.RecordedAt} {r.Source} {r.AwaitsConfirmation}\n");
                }

                foreach (var t in c.LifecycleHistory)
                {
                    text.Append(CultureInfo.InvariantCulture, $"  stage {t.From}->{t.To} at {t.At} reason={t.Reason?.Code}\n");
                }
            }

            cursor = page.NextCursor;
        }
        while (cursor is not null);

        var edges = new List<string>();
        await foreach (var r in store.GetAllReferralsAsync(tenant, CancellationToken.None))
        {
            edges.Add($"edge {r.RefereeId}<-{r.ReferrerId} at {r.ReferredAt} req={r.RequestId}");
        }

        edges.Sort(StringComparer.Ordinal);
        text.AppendJoin('\n', edges).Append('\n');
        text.Append(CultureInfo.InvariantCulture, $"graph version {await store.GetGraphVersionAsync(tenant, CancellationToken.None)}\n");
        foreach (var id in ids)
        {
            foreach (var m in await store.GetMergeHistoryAsync(tenant, id, CancellationToken.None))
            {
                text.Append(CultureInfo.InvariantCulture, $"merge@{id}: {m.SurvivorId}<-{string.Join(",", m.AbsorbedIds)} at {m.MergedAt}\n");
            }
        }

        return text.ToString();
    }
}
