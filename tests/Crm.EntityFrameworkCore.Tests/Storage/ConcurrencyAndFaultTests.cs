using Crm.Contacts;
using Crm.Contacts.Duplicates;
using Crm.Contacts.Profile;
using Crm.Contacts.Referrals;
using Crm.EntityFrameworkCore.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Crm.EntityFrameworkCore.Tests.Storage;

/// <summary>Issue 8 (7): the guards hold on a real database under parallel writers, and a fault in the middle of a save leaves nothing behind.</summary>
public abstract class ConcurrencyAndFaultTests(Provider provider) : DatabaseTests(provider)
{
    private static readonly TenantId Tenant = CrmHost.Tenant;

    [Fact]
    public async Task Thirty_two_parallel_writers_on_one_contact_exactly_the_first_wins()
    {
        await using var host = NewHost();
        var contact = await host.WithContactsAsync(m => m.CreateAsync(Tenant, new ContactDraft { Name = new PersonName("Ada Okafor") }));
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var writers = Enumerable.Range(0, 32).Select(i => Task.Run(async () =>
        {
            await start.Task;
            return await host.WithContactsAsync(m => m.UpdateAsync(Tenant, contact.Id, contact.ConcurrencyStamp, e => e.AddTag($"writer-{i}")));
        })).ToList();
        start.SetResult();
        var outcomes = await Outcomes(writers);

        outcomes.Succeeded.Should().ContainSingle("exactly one writer can replace the stamp it read");
        outcomes.Failures.Should().HaveCount(31).And.AllBeOfType<ConcurrencyConflictException>();
        var stored = await host.WithContactsAsync(m => m.GetAsync(Tenant, contact.Id));
        stored.ConcurrencyStamp.Should().Be(outcomes.Succeeded[0].ConcurrencyStamp);
        stored.Tags.Should().Equal(outcomes.Succeeded[0].Tags);
    }

    [Fact]
    public async Task A_hundred_rounds_of_opposite_referrals_in_parallel_never_both_commit()
    {
        await using var host = NewHost();
        for (var round = 0; round < 100; round++)
        {
            var a = await host.WithContactsAsync(m => m.CreateAsync(Tenant, new ContactDraft()));
            var b = await host.WithContactsAsync(m => m.CreateAsync(Tenant, new ContactDraft()));
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var aByB = Task.Run(async () => { await start.Task; return await host.WithReferralsAsync(r => r.RecordReferralAsync(Tenant, a.Id, b.Id)); });
            var bByA = Task.Run(async () => { await start.Task; return await host.WithReferralsAsync(r => r.RecordReferralAsync(Tenant, b.Id, a.Id)); });
            start.SetResult();
            var outcomes = await Outcomes([aByB, bByA]);

            outcomes.Succeeded.Should().HaveCountLessThanOrEqualTo(1, $"round {round}: A←B and B←A would close a cycle");
            outcomes.Failures.Should().AllSatisfy(f => f.Should().BeAssignableTo<CrmException>());
            var edges = await host.WithReferralsAsync(async r => new[] { await r.FindReferralAsync(Tenant, a.Id), await r.FindReferralAsync(Tenant, b.Id) });
            edges.Count(e => e is not null).Should().Be(outcomes.Succeeded.Count);
        }
    }

    [Fact]
    public async Task A_thousand_parallel_creates_with_duplicate_checking_on_one_email_leave_one_contact()
    {
        await using var host = NewHost(o =>
        {
            o.Duplicates.Enabled = true;
            o.Duplicates.OnCreate = DuplicateCreateAction.Reject;
        });
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var creates = Enumerable.Range(0, 1000).Select(i => Task.Run(async () =>
        {
            await start.Task;
            return await host.WithContactsAsync(m => m.CreateAsync(Tenant, new ContactDraft { Name = new PersonName($"Twin {i}"), Emails = [i % 2 == 0 ? "twin@example.com" : "TWIN@Example.com"] }));
        })).ToList();
        start.SetResult();
        var outcomes = await Outcomes(creates);

        outcomes.Succeeded.Should().ContainSingle();
        outcomes.Failures.Should().HaveCount(999).And.AllSatisfy(f => f.Should().Match<Exception>(e => e is DuplicateContactException || e is ConcurrencyConflictException));
        (await host.CountRowsAsync()).Contacts.Should().Be(1);
    }

    [Fact]
    public async Task A_fault_halfway_through_the_save_leaves_no_partial_state_and_the_retry_applies_exactly_once()
    {
        var faults = new FaultInjector();
        await using var host = NewHost(interceptors: faults);
        var draft = new ContactDraft { Name = new PersonName("Chen Wei"), Emails = ["chen@example.com"], IdempotencyKey = "signup-7f3a" };
        faults.ArmOnce(_ => throw new InvalidOperationException("injected fault after the outbox write"));

        var first = () => host.WithContactsAsync(m => m.CreateAsync(Tenant, draft));
        (await first.Should().ThrowAsync<Microsoft.EntityFrameworkCore.DbUpdateException>())
            .WithInnerException<InvalidOperationException>().WithMessage("injected fault*");

        faults.Fired.Should().BeTrue();
        (await host.CountRowsAsync()).Should().Be(new RowCounts(0, 0, 0, 0, 0, 0, 0), "the transaction rolled back whole: no contact, no child rows, no key, no event");
        await RetryAppliesExactlyOnce(host, draft);
    }

    [Fact]
    public async Task A_connection_lost_mid_transaction_leaves_no_partial_state_and_the_retry_applies_exactly_once()
    {
        var faults = new FaultInjector();
        await using var host = NewHost(interceptors: faults);
        var draft = new ContactDraft { Name = new PersonName("Björn Lindqvist"), Emails = ["bjorn@example.com"], IdempotencyKey = "signup-91c2" };
        faults.ArmOnce(LoseConnection);

        var first = () => host.WithContactsAsync(m => m.CreateAsync(Tenant, draft));
        await first.Should().ThrowAsync<Exception>();

        faults.Fired.Should().BeTrue();
        (await host.CountRowsAsync()).Should().Be(new RowCounts(0, 0, 0, 0, 0, 0, 0));
        await RetryAppliesExactlyOnce(host, draft);
    }

    private static async Task RetryAppliesExactlyOnce(CrmHost host, ContactDraft draft)
    {
        var retried = await host.WithContactsAsync(m => m.CreateAsync(Tenant, draft));
        var repeated = await host.WithContactsAsync(m => m.CreateAsync(Tenant, draft));

        repeated.Id.Should().Be(retried.Id, "the idempotency key makes a repeat return the first result");
        var rows = await host.CountRowsAsync();
        rows.Contacts.Should().Be(1);
        rows.IdempotencyKeys.Should().Be(1);
        rows.OutboxEvents.Should().Be(1, "one ContactCreated, written with the contact");
    }

    private void LoseConnection(System.Data.Common.DbCommand command)
    {
        if (Provider == Provider.Postgres)
        {
            // The server ends the session, as a network drop or a failover would: the open transaction is rolled back.
            var pid = ((NpgsqlConnection)command.Connection!).ProcessID;
            using var admin = new NpgsqlConnection(PostgresServer.Require());
            admin.Open();
            using var kill = new NpgsqlCommand($"SELECT pg_terminate_backend({pid})", admin);
            kill.ExecuteNonQuery();
        }
        else
        {
            ((SqliteConnection)command.Connection!).Close();
        }
    }

    private CrmHost NewHost(Action<ContactOptions>? configure = null, params Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[] interceptors)
    {
        return new CrmHost(Databases.New(interceptors), configure);
    }

    private static async Task<(List<T> Succeeded, List<Exception> Failures)> Outcomes<T>(IReadOnlyList<Task<T>> tasks)
    {
        var succeeded = new List<T>();
        var failures = new List<Exception>();
        foreach (var task in tasks)
        {
            try
            {
                succeeded.Add(await task);
            }
            catch (Exception ex)
            {
                failures.Add(ex);
            }
        }

        return (succeeded, failures);
    }
}

/// <summary>The concurrency and fault tests on PostgreSQL (READ COMMITTED, row locks, unique indexes).</summary>
public sealed class PostgresConcurrencyAndFaultTests() : ConcurrencyAndFaultTests(Provider.Postgres), IPostgresTests;

/// <summary>The concurrency and fault tests on SQLite (one writer at a time, BEGIN IMMEDIATE).</summary>
public sealed class SqliteConcurrencyAndFaultTests() : ConcurrencyAndFaultTests(Provider.Sqlite);
