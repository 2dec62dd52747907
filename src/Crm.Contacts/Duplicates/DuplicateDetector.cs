using Crm.Contacts.Events;
using Crm.Contacts.Import;
using Crm.Contacts.Storage;
using Crm.Events;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Crm.Contacts.Duplicates;

/// <summary>Finds the existing contacts a contact or draft duplicates under <see cref="DuplicateOptions.Rules"/>; used by create, import and review screens.</summary>
/// <remarks>
/// <para>A pair is a duplicate when ALL criteria of ANY rule match on normalized values (<see cref="DuplicateKeys"/>).
/// Candidates come from the store's <see cref="IContactDuplicateIndex"/> in one call; each is then loaded and the rule
/// re-checked on the contact itself, so a stale index never produces a false match. Only active contacts match.</para>
/// <para>A value shared by more than <see cref="DuplicateOptions.MaxCandidatesPerKey"/> contacts (a common given name,
/// a shared switchboard number) is ignored: it counts as matching nobody and is listed in
/// <see cref="DuplicateCheckResult.SkippedKeys"/>. So once too many Johns exist, <c>[GivenName, FamilyName]</c> no longer
/// matches on "john"; a rule with a criterion whose only values were skipped cannot match.</para>
/// <para>With <see cref="DuplicateCreateAction.Reject"/> and a store that implements <see cref="IContactUniqueKeys"/> (the
/// in-memory store does), a create is race-free: it claims its key combinations in its change set and the store refuses
/// it when a parallel create of the same person committed first, which then fails with
/// <see cref="DuplicateContactException"/>. Otherwise the check is advisory: two concurrent creates of the same person
/// can both pass.</para>
/// </remarks>
public sealed class DuplicateDetector
{
    private readonly IContactStore _store;
    private readonly IClock _clock;
    private readonly ILogger<DuplicateDetector> _logger;
    private readonly ContactOptions _options;

    /// <summary>Creates the detector.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public DuplicateDetector(IContactStore store, IClock clock, ILogger<DuplicateDetector> logger, IOptions<ContactOptions> options)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _clock = clock;
        _logger = logger;
        _options = options.Value;
    }

    /// <summary>The existing active contacts that a contact created from <paramref name="draft"/> would duplicate.</summary>
    /// <remarks>Works whether or not <see cref="DuplicateOptions.Enabled"/> is set, as long as the store has the index; nothing is written.</remarks>
    /// <exception cref="ArgumentException">The tenant is empty, or a draft value breaks its rule (the message names the field).</exception>
    /// <exception cref="ArgumentNullException"><paramref name="draft"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The store does not implement <see cref="IContactDuplicateIndex"/>, or returned records of another tenant.</exception>
    public Task<DuplicateCheckResult> FindDuplicatesAsync(TenantId tenantId, ContactDraft draft, CancellationToken cancellationToken = default)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ArgumentNullException.ThrowIfNull(draft);
        var candidate = ContactDraftReader.Read(tenantId, draft, _options, _clock.GetCurrentInstant());
        return CheckAsync(tenantId, candidate, cancellationToken);
    }

    /// <summary>The other active contacts that the stored contact <paramref name="contactId"/> duplicates, e.g. to suggest merges.</summary>
    /// <exception cref="ArgumentException">The tenant or id is empty.</exception>
    /// <exception cref="ContactNotFoundException">No such contact in the tenant.</exception>
    /// <exception cref="InvalidOperationException">The store does not implement <see cref="IContactDuplicateIndex"/>, or returned records of another tenant.</exception>
    public async Task<DuplicateCheckResult> FindDuplicatesAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken = default)
    {
        TenantId.ThrowIfEmpty(tenantId);
        ContactId.ThrowIfEmpty(contactId);
        var contact = await LoadAsync(tenantId, contactId, cancellationToken).ConfigureAwait(false) ?? throw new ContactNotFoundException(contactId);
        return await CheckAsync(tenantId, contact, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Checks <paramref name="candidate"/> (stored or not) against the stored active contacts.</summary>
    internal async Task<DuplicateCheckResult> CheckAsync(TenantId tenantId, Contact candidate, CancellationToken cancellationToken)
    {
        var settings = _options.Duplicates;
        var rules = settings.Rules;
        var keysByCriterion = DuplicateMatcher.KeysByCriterion(candidate, rules);
        var lookUp = DuplicateMatcher.KeysToLookUp(rules, keysByCriterion);
        if (lookUp.Count == 0)
        {
            return DuplicateCheckResult.None;
        }

        var index = _store as IContactDuplicateIndex
            ?? throw new InvalidOperationException($"The registered IContactStore ({_store.GetType().FullName}) does not implement IContactDuplicateIndex, which duplicate detection needs.");
        var found = await index.FindByDuplicateKeysAsync(tenantId, lookUp, settings.MaxCandidatesPerKey, cancellationToken).ConfigureAwait(false);
        var usable = new Dictionary<DuplicateKey, IReadOnlyList<ContactId>>();
        var skipped = new List<DuplicateKey>();
        foreach (var match in found)
        {
            if (!lookUp.Contains(match.Key) || match.ContactIds.Count > settings.MaxCandidatesPerKey)
            {
                throw new InvalidOperationException("The duplicate index returned a key it was not asked for, or more ids than the limit; refusing to use it.");
            }

            if (match.ExceedsLimit)
            {
                skipped.Add(match.Key);
            }
            else
            {
                usable[match.Key] = match.ContactIds;
            }
        }

        if (skipped.Count > 0)
        {
            Log.DuplicateKeysSkipped(_logger, tenantId, skipped.Count, settings.MaxCandidatesPerKey);
        }

        var byIndex = DuplicateMatcher.Evaluate(candidate.Id, rules, keysByCriterion, k => usable.GetValueOrDefault(k));
        var skippedSet = skipped.ToHashSet();
        var matches = new List<DuplicateMatch>();
        foreach (var id in byIndex.Keys)
        {
            // Re-check on the stored contact: the index may be stale or over-approximate.
            if (await LoadAsync(tenantId, id, cancellationToken).ConfigureAwait(false) is not { Status: ContactStatus.Active } other)
            {
                continue;
            }

            for (var i = 0; i < rules.Count; i++)
            {
                if (DuplicateMatcher.Meets(candidate, other, rules[i], skippedSet))
                {
                    matches.Add(new DuplicateMatch(id, i, rules[i]));
                    break;
                }
            }
        }

        matches.Sort(static (a, b) => a.RuleIndex != b.RuleIndex ? a.RuleIndex.CompareTo(b.RuleIndex) : a.ContactId.CompareTo(b.ContactId));
        return new DuplicateCheckResult(matches, skipped);
    }

    /// <summary>The most duplicate key claims one create writes; combinations beyond it are not claimed (the check before the create still covers them).</summary>
    internal const int MaxClaimsPerCreate = 1000;

    /// <summary>The create hook: checks a new contact when detection is on and <see cref="DuplicateOptions.OnCreate"/> asks for it; throws on <see cref="DuplicateCreateAction.Reject"/>.</summary>
    /// <returns>The matches to flag after the contact is stored (or <see langword="null"/>), and, on Reject with a store that
    /// enforces <see cref="IContactUniqueKeys"/>, the claims that make the create race-free.</returns>
    /// <exception cref="DuplicateContactException">The contact duplicates existing ones and the action is Reject.</exception>
    internal async Task<(DuplicateCheckResult? Flag, IReadOnlyList<DuplicateKeyClaim> Claims)> CheckBeforeCreateAsync(TenantId tenantId, Contact contact, CancellationToken cancellationToken)
    {
        var settings = _options.Duplicates;
        if (!settings.Enabled || settings.OnCreate == DuplicateCreateAction.Allow)
        {
            return (null, []);
        }

        var result = await CheckAsync(tenantId, contact, cancellationToken).ConfigureAwait(false);
        if (!result.IsDuplicate)
        {
            return (null, settings.OnCreate == DuplicateCreateAction.Reject && _store is IContactUniqueKeys { EnforcesDuplicateKeyClaims: true }
                ? Claims(contact, settings.Rules, result.SkippedKeys)
                : []);
        }

        var first = result.Matches[0];
        if (settings.OnCreate == DuplicateCreateAction.Reject)
        {
            var ids = result.Matches.Where(m => m.RuleIndex == first.RuleIndex).Select(m => m.ContactId).ToArray();
            Log.DuplicateContactRejected(_logger, tenantId, first.RuleIndex, ids.Length);
            throw new DuplicateContactException(ids, first.RuleIndex, first.Rule);
        }

        return (result, []);
    }

    /// <summary>Every combination of the contact's usable keys (one per criterion) of every rule it could meet, up to <see cref="MaxClaimsPerCreate"/>.</summary>
    internal static List<DuplicateKeyClaim> Claims(Contact contact, IReadOnlyList<DuplicateRule> rules, IReadOnlyList<DuplicateKey> skipped)
    {
        var skippedSet = skipped.ToHashSet();
        var keysByCriterion = DuplicateMatcher.KeysByCriterion(contact, rules);
        var claims = new List<DuplicateKeyClaim>();
        for (var i = 0; i < rules.Count && claims.Count < MaxClaimsPerCreate; i++)
        {
            var perCriterion = rules[i].Criteria.Select(c => keysByCriterion[c].Where(k => !skippedSet.Contains(k)).ToArray()).ToArray();
            if (perCriterion.Any(keys => keys.Length == 0))
            {
                continue; // The rule cannot match this contact (or only on values too common to count).
            }

            IEnumerable<DuplicateKey[]> combinations = [[]];
            foreach (var keys in perCriterion)
            {
                var prefixes = combinations;
                combinations = prefixes.SelectMany(prefix => keys.Select(k => (DuplicateKey[])[.. prefix, k]));
            }

            claims.AddRange(combinations.Take(MaxClaimsPerCreate - claims.Count).Select(keys => new DuplicateKeyClaim(contact.Id, keys, i)));
        }

        return claims;
    }

    /// <summary>The <see cref="PossibleDuplicateDetected"/> event that goes into the create's change set for a contact created despite matches.</summary>
    internal static PossibleDuplicateDetected FlagEvent(TenantId tenantId, Contact contact, DuplicateCheckResult result, Instant now)
        => new(tenantId, now, contact.Id, result.Matches.Select(m => m.ContactId).ToArray(), result.Matches[0].RuleIndex);

    /// <summary>The after-create hook: logs that a contact was created despite matches (its event was written with it).</summary>
    internal void LogFlagged(TenantId tenantId, Contact contact, DuplicateCheckResult result)
        => Log.PossibleDuplicateCreated(_logger, tenantId, contact.Id, result.Matches[0].RuleIndex, result.Matches.Count);

    private async Task<Contact?> LoadAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken)
    {
        var contact = await _store.FindByIdAsync(tenantId, contactId, cancellationToken).ConfigureAwait(false);
        if (contact is not null && (contact.TenantId != tenantId || contact.Id != contactId))
        {
            Log.StoreReturnedWrongRecord(_logger, tenantId, contactId, contact.TenantId, contact.Id);
            throw new InvalidOperationException($"The contact store returned another record when asked for contact '{contactId}' of tenant '{tenantId}'; refusing to use it.");
        }

        return contact;
    }
}
