using System.Text.Json;
using Crm.Contacts.Events;
using Crm.Contacts.Storage;
using Crm.Events;
using Crm.Privacy;
using Crm.Storage;
using Microsoft.Extensions.Logging;
using NodaTime;

#if NET9_0_OR_GREATER
using SectionMap = System.Collections.Generic.OrderedDictionary<string, System.Text.Json.JsonElement?>;
#else
using SectionMap = System.Collections.Generic.Dictionary<string, System.Text.Json.JsonElement?>; // only ever added to, so it keeps insertion order
#endif

namespace Crm.Contacts.Privacy;

/// <summary>Exports everything held about a contact (GDPR Art. 15/20) and erases their personal data (Art. 17), across every registered <see cref="IPersonalDataContributor"/>.</summary>
/// <remarks>
/// <para>The contacts package's <see cref="ContactPersonalDataContributor"/> always runs first, then the others in
/// registration order. An unknown contact or tenant fails the call with <see cref="ContactNotFoundException"/> before
/// any other contributor runs.</para>
/// <para><b>Export</b> is read-only and all-or-nothing: if a contributor fails, the call throws, since an incomplete
/// answer to an access request is a wrong answer.</para>
/// <para><b>Erasure</b> first erases the contact record in one atomic change set (all of it or nothing), then asks
/// every other contributor. A contributor that fails is reported in the result
/// (<see cref="PersonalDataErasureReport.IsComplete"/> is <see langword="false"/>) and logged; the others still run.
/// Erasure is idempotent: call it again until it is complete. An erased contact keeps its id and non-personal facts,
/// has <see cref="Contact.Status"/> = <see cref="ContactStatus.Erased"/> and refuses every change
/// (<see cref="ContactNotActiveException"/>).</para>
/// <para>Events (<see cref="PersonalDataExported"/>, <see cref="PersonalDataErased"/>) are written to the contact
/// store's outbox when the work is done and delivered by the <c>OutboxDispatcher</c>. Logs and events carry ids only.
/// Register it scoped (<c>AddContacts</c> does).</para>
/// </remarks>
public sealed class PersonalDataManager
{
    /// <summary>The maximum length of a contributor name.</summary>
    public const int MaxContributorNameLength = 64;

    private readonly ContactPersonalDataContributor _contacts;
    private readonly IReadOnlyList<IPersonalDataContributor> _contributors;
    private readonly IClock _clock;
    private readonly IContactStore _store;
    private readonly ICrmEventIdGenerator _eventIds;
    private readonly ILogger<PersonalDataManager> _logger;

    /// <summary>Creates the manager.</summary>
    /// <param name="contributors">Every contributor; must include exactly one <see cref="ContactPersonalDataContributor"/> (<c>AddContacts</c> registers it).</param>
    /// <param name="clock">The clock stamping exports and erasures.</param>
    /// <param name="store">The contact store, whose outbox receives the privacy events.</param>
    /// <param name="eventIds">Makes the ids of those events.</param>
    /// <param name="logger">The logger.</param>
    /// <exception cref="ArgumentNullException">An argument or a contributor is null.</exception>
    /// <exception cref="ArgumentException">A contributor name breaks the naming rule or is used twice, or the contacts contributor is missing or registered twice.</exception>
    public PersonalDataManager(IEnumerable<IPersonalDataContributor> contributors, IClock clock, IContactStore store, ICrmEventIdGenerator eventIds, ILogger<PersonalDataManager> logger)
    {
        ArgumentNullException.ThrowIfNull(contributors);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(eventIds);
        ArgumentNullException.ThrowIfNull(logger);
        var all = contributors.ToList();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var contributor in all)
        {
            ArgumentNullException.ThrowIfNull(contributor, nameof(contributors));
            ValidateName(contributor.Name, contributor.GetType(), nameof(contributors));
            if (!names.Add(contributor.Name))
            {
                throw new ArgumentException($"Personal-data contributor name '{contributor.Name}' is used by more than one contributor (names compare case-insensitively).", nameof(contributors));
            }
        }

        var contacts = all.OfType<ContactPersonalDataContributor>().ToList();
        if (contacts.Count != 1)
        {
            throw new ArgumentException($"Exactly one ContactPersonalDataContributor must be registered (found {contacts.Count}); AddContacts() registers it.", nameof(contributors));
        }

        _contacts = contacts[0];
        _contributors = [_contacts, .. all.Where(c => !ReferenceEquals(c, _contacts))];
        _clock = clock;
        _store = store;
        _eventIds = eventIds;
        _logger = logger;
    }

    /// <summary>The names of the contributors in the order they run (<c>contacts</c> first).</summary>
    public IReadOnlyList<string> ContributorNames => _contributors.Select(c => c.Name).ToList();

    /// <summary>Exports everything every contributor holds about the contact.</summary>
    /// <exception cref="ArgumentException">The tenant or id is empty.</exception>
    /// <exception cref="ContactNotFoundException">No such contact in the tenant.</exception>
    /// <exception cref="InvalidOperationException">A contributor returned an undefined JSON element, or the store returned another tenant's record.</exception>
    /// <remarks>Any exception thrown by a contributor propagates: the export is all-or-nothing.</remarks>
    public async Task<PersonalDataExport> ExportAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken = default)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ContactId.ThrowIfEmpty(contactId);
        var generatedAt = _clock.GetCurrentInstant();
        var sections = new SectionMap(StringComparer.Ordinal);
        foreach (var contributor in _contributors)
        {
            var section = await contributor.ExportAsync(tenantId, contactId, cancellationToken).ConfigureAwait(false);
            if (section is { ValueKind: JsonValueKind.Undefined })
            {
                throw new InvalidOperationException($"Personal-data contributor '{contributor.Name}' returned an undefined JSON element; return null when it holds nothing.");
            }

            sections.Add(contributor.Name, section?.Clone());
        }

        var export = new PersonalDataExport(tenantId, contactId, generatedAt, sections);
        Log.PersonalDataExported(_logger, tenantId, contactId, sections.Count);
        await WriteEventAsync(new PersonalDataExported(tenantId, generatedAt, contactId), cancellationToken).ConfigureAwait(false);
        return export;
    }

    /// <summary>Erases the contact's personal data: the contact record atomically, then every other contributor's data.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="contactId">The contact.</param>
    /// <param name="expectedStamp">
    /// The stamp of the snapshot the decision was based on, to refuse the erasure if the contact changed since; or
    /// <see langword="null"/> to erase whatever the record holds now (a concurrent change is then re-read and erased too).
    /// Ignored when the record is already erased, so a retry after a lost answer succeeds.
    /// </param>
    /// <param name="cancellationToken">Cancels the call; once the contact record is erased, cancellation can leave other contributors not yet run (call again).</param>
    /// <exception cref="ArgumentException">The tenant or id is empty, or <paramref name="expectedStamp"/> is the empty stamp.</exception>
    /// <exception cref="ContactNotFoundException">No such contact in the tenant; nothing was erased anywhere.</exception>
    /// <exception cref="ConcurrencyConflictException">The contact's stamp is no longer <paramref name="expectedStamp"/> (or it kept changing); nothing was erased anywhere.</exception>
    /// <exception cref="InvalidOperationException">The store returned another tenant's record.</exception>
    public async Task<PersonalDataErasureReport> EraseAsync(
        TenantId tenantId,
        ContactId contactId,
        ConcurrencyStamp? expectedStamp = null,
        CancellationToken cancellationToken = default)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ContactId.ThrowIfEmpty(contactId);
        if (expectedStamp is { IsEmpty: true })
        {
            throw new ArgumentException("The expected ConcurrencyStamp must not be empty: pass the stamp of the snapshot the erasure is based on, or null.", nameof(expectedStamp));
        }

        ContactErasureOutcome outcome;
        try
        {
            outcome = await _contacts.EraseContactAsync(tenantId, contactId, expectedStamp, cancellationToken).ConfigureAwait(false);
        }
        catch (ConcurrencyConflictException)
        {
            Log.ConcurrencyConflict(_logger, tenantId, contactId);
            throw;
        }

        if (outcome.WasAlreadyErased)
        {
            Log.ContactAlreadyErased(_logger, tenantId, contactId);
        }
        else
        {
            Log.ContactRecordErased(_logger, tenantId, contactId, outcome.Result.ErasedItems);
        }

        var reports = new List<PersonalDataContributorReport>(_contributors.Count)
        {
            new(_contacts.Name, outcome.Result.ErasedItems, null),
        };
        foreach (var contributor in _contributors.Skip(1))
        {
            reports.Add(await EraseWithAsync(contributor, tenantId, contactId, cancellationToken).ConfigureAwait(false));
        }

        var report = new PersonalDataErasureReport(tenantId, contactId, outcome.ErasedAt, outcome.WasAlreadyErased, reports);
        var failed = reports.Count(r => !r.Succeeded);
        if (failed == 0)
        {
            Log.PersonalDataErased(_logger, tenantId, contactId, reports.Count);
        }
        else
        {
            Log.PersonalDataErasureIncomplete(_logger, tenantId, contactId, failed, reports.Count);
        }

        var erasedEvent = new PersonalDataErased(tenantId, _clock.GetCurrentInstant(), contactId, outcome.WasAlreadyErased, report.IsComplete);
        await WriteEventAsync(erasedEvent, cancellationToken).ConfigureAwait(false);
        return report;
    }

    private async Task<PersonalDataContributorReport> EraseWithAsync(IPersonalDataContributor contributor, TenantId tenantId, ContactId contactId, CancellationToken cancellationToken)
    {
        try
        {
            var result = await contributor.EraseAsync(tenantId, contactId, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Personal-data contributor '{contributor.Name}' returned no result; return PersonalDataEraseResult.Nothing when it held nothing.");
            return new PersonalDataContributorReport(contributor.Name, result.ErasedItems, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.PersonalDataContributorFailed(_logger, ex, contributor.Name, tenantId, contactId);
            return new PersonalDataContributorReport(contributor.Name, [], ex);
        }
    }

    private static void ValidateName(string? name, Type contributorType, string paramName)
    {
        var valid = !string.IsNullOrEmpty(name) && name.Length <= MaxContributorNameLength && char.IsAsciiLetterLower(name[0])
            && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
        if (!valid)
        {
            throw new ArgumentException(
                $"The Name of personal-data contributor {contributorType.FullName} must be 1–{MaxContributorNameLength} ASCII letters, digits, '-', '_' or '.', starting with a lower-case letter (e.g. 'loyalty').",
                paramName);
        }
    }

    private async Task WriteEventAsync(CrmEvent domainEvent, CancellationToken cancellationToken)
        => await _store.SaveAsync(domainEvent.TenantId, new ContactChangeSet { Events = [_eventIds.Identify(domainEvent)] }, cancellationToken).ConfigureAwait(false);
}
