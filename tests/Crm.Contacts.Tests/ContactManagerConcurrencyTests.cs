using Crm.Contacts.Tests.TestSupport;
using Crm.Storage;
using static Crm.Contacts.Tests.TestSupport.ContactsHarness;

namespace Crm.Contacts.Tests;

public sealed class ContactManagerConcurrencyTests
{
    [Fact]
    public async Task TwoParallelUpdatesWithTheSameStamp_ExactlyOneWins()
    {
        for (var round = 0; round < 200; round++)
        {
            var h = new ContactsHarness();
            var c = await h.CreateAsync();

            var outcomes = await Task.WhenAll(
                Task.Run(() => TryUpdateAsync(h, c, "left")),
                Task.Run(() => TryUpdateAsync(h, c, "right")));

            outcomes.Count(o => o is not null).Should().Be(1, $"round {round}: exactly one writer wins");
            var stored = await h.Manager.GetAsync(TenantA, c.Id);
            var winner = outcomes.Single(o => o is not null)!;
            stored.ConcurrencyStamp.Should().Be(winner.ConcurrencyStamp);
            stored.Tags.Count(t => t is "left" or "right").Should().Be(1, "the loser changed nothing");
        }
    }

    private static async Task<Contact?> TryUpdateAsync(ContactsHarness h, Contact c, string tag)
    {
        try
        {
            return await h.Manager.UpdateAsync(TenantA, c.Id, c.ConcurrencyStamp, e => e.AddTag(tag));
        }
        catch (ConcurrencyConflictException)
        {
            return null;
        }
    }
}
