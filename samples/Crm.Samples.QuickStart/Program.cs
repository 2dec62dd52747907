// CrmCore quick start: create contacts, record a referral chain, and print it with the golden (longest) chain.
// Run: dotnet run --project samples/Crm.Samples.QuickStart
using Crm;
using Crm.Contacts;
using Crm.Contacts.Acquisition;
using Crm.Contacts.Events;
using Crm.Contacts.Profile;
using Crm.Contacts.Referrals;
using Crm.Events;
using Crm.Outbox;
using Microsoft.Extensions.DependencyInjection;

var services = new ServiceCollection();
services.AddLogging();                                // the host's logging; CrmCore logs ids only, never personal data
services.AddCrm()
    .AddContacts(o => o.DefaultPhoneRegion = "GB")
    .AddEventListener<ReferralRecorded, ReferralRewardListener>();   // a host reaction, delivered through the outbox

await using var provider = services.BuildServiceProvider();
await using var scope = provider.CreateAsyncScope();
var contacts = scope.ServiceProvider.GetRequiredService<ContactManager>();
var referrals = scope.ServiceProvider.GetRequiredService<ReferralManager>();
var tenant = new TenantId("acme");

// 1. Create contacts. Emails and phones are validated and normalized (E.164); the first contact came from a campaign.
var names = new[] { "Ada Okafor", "Björn Lindqvist", "Chen Wei", "Dana Cohen", "Emeka Eze", "Farah Haddad" };
var people = new Dictionary<ContactId, string>();
foreach (var (name, i) in names.Select((n, i) => (n, i)))
{
    var contact = await contacts.CreateAsync(tenant, new ContactDraft
    {
        Name = new PersonName(name),
        Emails = [$"person{i}@example.com"],
        PhoneNumbers = [$"020 7946 00{i:00}"],
        Acquisition = i == 0 ? new AcquisitionSource("newsletter", "email", "spring-launch") : null,
        IdempotencyKey = $"signup-{i}",               // a retried sign-up never creates a second contact
    });
    people[contact.Id] = name;
}

var ids = people.Keys.ToArray();

// 2. Record who referred whom: Ada → Björn → Chen → Dana, and Ada → Emeka → Farah.
await referrals.RecordReferralAsync(tenant, refereeId: ids[1], referrerId: ids[0]);
await referrals.RecordReferralAsync(tenant, ids[2], ids[1]);
await referrals.RecordReferralAsync(tenant, ids[3], ids[2]);
await referrals.RecordReferralAsync(tenant, ids[4], ids[0]);
await referrals.RecordReferralAsync(tenant, ids[5], ids[4]);

// 3. The rules hold: a referral that would close a cycle is refused with a clear exception.
try
{
    await referrals.RecordReferralAsync(tenant, ids[0], ids[3]);
}
catch (ReferralCycleException ex)
{
    Console.WriteLine($"Refused ({ex.Code}): Dana cannot refer Ada, who is at the root of Dana's chain.");
}

// 4. Query the graph.
string Names(ReferralChain chain) => string.Join(" → ", chain.Members.Select(id => people[id]));

Console.WriteLine($"Chain of {people[ids[3]]}: {Names(await referrals.GetChainAsync(tenant, ids[3]))}");
var counts = await referrals.GetReferralCountsAsync(tenant, ids[0]);
Console.WriteLine($"{people[ids[0]]} referred {counts.Direct} directly and {counts.Indirect} indirectly.");
foreach (var entry in await referrals.GetDownlineAsync(tenant, ids[0]))
{
    Console.WriteLine($"  {new string(' ', 2 * entry.Depth)}{people[entry.ContactId]} (depth {entry.Depth}, referred by {people[entry.ReferrerId]})");
}

var golden = await scope.ServiceProvider.GetRequiredService<ReferralAnalytics>().GetLongestChainAsync(tenant);
Console.WriteLine($"Golden referral chain ({golden!.Length} referrals): {Names(golden)}");

// 5. Events were written in the same atomic save as each fact (the store's outbox). A generic host delivers them in the
//    background (OutboxDispatcherService); a console app or a serverless function dispatches on demand.
var dispatched = await provider.GetRequiredService<OutboxDispatcher>().DispatchPendingAsync();
Console.WriteLine($"Outbox: {dispatched.Delivered} events delivered, {dispatched.Retried} to retry, {dispatched.DeadLettered} dead-lettered.");

/// <summary>A host's listener: runs in its own DI scope, at least once per event, so it is idempotent on the event id.</summary>
internal sealed class ReferralRewardListener : ICrmEventListener<ReferralRecorded>
{
    private static readonly HashSet<CrmEventId> Rewarded = [];

    public ValueTask HandleAsync(ReferralRecorded domainEvent, CancellationToken cancellationToken)
    {
        if (Rewarded.Add(domainEvent.EventId))
        {
            Console.WriteLine($"  Listener got ReferralRecorded {domainEvent.EventId}: a loyalty program would pay the referral reward here.");
        }

        return ValueTask.CompletedTask;
    }
}
