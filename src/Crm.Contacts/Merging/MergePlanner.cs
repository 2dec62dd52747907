using System.Collections.Immutable;
using Crm.Contacts.Acquisition;
using Crm.Contacts.Attributes;
using Crm.Contacts.Consent;
using Crm.Contacts.Lifecycle;
using Crm.Contacts.Profile;

namespace Crm.Contacts.Merging;

/// <summary>Computes the merged survivor from the survivor and the absorbed snapshots (pure: no I/O, same stamp).</summary>
internal static class MergePlanner
{
    public static (Contact Merged, IReadOnlyList<MergeFieldDecision> Decisions) Plan(Contact survivor, IReadOnlyList<Contact> absorbed, MergePolicy policy)
    {
        var all = new List<Contact>(absorbed.Count + 1) { survivor };
        all.AddRange(absorbed);
        var decisions = new List<MergeFieldDecision>();
        var merged = survivor;

        merged = Scalar(decisions, nameof(Contact.Name), policy.Name, all, c => c.Name, merged, (c, v) => c.WithName(v));
        merged = List(decisions, nameof(Contact.Emails), policy.Emails, all, c => c.Emails, merged, (c, v) => c.WithEmails(v));
        merged = List(decisions, nameof(Contact.PhoneNumbers), policy.PhoneNumbers, all, c => c.PhoneNumbers, merged, (c, v) => c.WithPhoneNumbers(v));
        merged = Scalar(decisions, nameof(Contact.Birthday), policy.Birthday, all, c => c.Birthday, merged, (c, v) => c.WithBirthday(v));
        merged = Scalar(decisions, nameof(Contact.Birthplace), policy.Birthplace, all, c => c.Birthplace, merged, (c, v) => c.WithBirthplace(v));
        merged = Scalar(decisions, nameof(Contact.PreferredLanguage), policy.PreferredLanguage, all, c => c.PreferredLanguage, merged, (c, v) => c.WithPreferredLanguage(v));
        merged = Scalar(decisions, nameof(Contact.TimeZone), policy.TimeZone, all, c => c.TimeZone, merged, (c, v) => c.WithTimeZone(v), zone => zone?.Id);
        merged = List(decisions, nameof(Contact.Tags), policy.Tags, all, c => c.Tags.ToArray(), merged, (c, v) => c.WithTags(v), TagComparer);
        merged = Attributes(decisions, policy.Attributes, all, merged);
        merged = Scalar(decisions, nameof(Contact.Acquisition), policy.Acquisition, all, c => c.Acquisition, merged, (c, v) => c.WithAcquisition(v));

        // Fixed rules. Consent: every record of every contact, in the order recorded (ties: survivor first, then request
        // order), so the proof of each grant, confirmation and withdrawal survives and the latest fact decides the state.
        var consent = all.SelectMany(c => c.ConsentHistory).OrderBy(r => r.RecordedAt).ToImmutableArray();
        merged = merged.WithConsentHistory(consent);
        decisions.Add(new MergeFieldDecision(nameof(Contact.ConsentHistory), null, Contributors(all, c => c.ConsentHistory.Count > 0), absorbed.Any(a => a.ConsentHistory.Count > 0)));

        var (lifecycle, lifecycleFrom) = ReplayLifecycle(all);
        merged = merged.WithLifecycleHistory(lifecycle);
        decisions.Add(new MergeFieldDecision(nameof(Contact.LifecycleHistory), null, lifecycleFrom, !lifecycle.SequenceEqual(survivor.LifecycleHistory)));

        var createdAt = all.Min(c => c.CreatedAt);
        merged = merged.WithCreatedAt(createdAt);
        decisions.Add(new MergeFieldDecision(nameof(Contact.CreatedAt), null, [all.First(c => c.CreatedAt == createdAt).Id], createdAt != survivor.CreatedAt));
        return (merged, decisions);
    }

    /// <summary>
    /// Replays every contact's lifecycle log in time order (ties: survivor first, then request order) through the
    /// transition table, starting from the earliest creation entry: an entry that is an allowed move from the stage
    /// reached so far is kept (re-based on that stage); repeats and moves back down the funnel are left out.
    /// </summary>
    internal static (ImmutableArray<LifecycleTransition> Log, IReadOnlyList<ContactId> From) ReplayLifecycle(IReadOnlyList<Contact> all)
    {
        var entries = all
            .SelectMany(c => c.LifecycleHistory.Select(t => (Contact: c.Id, Entry: t)))
            .OrderBy(e => e.Entry.At)
            .ToList();
        var start = entries.First(e => e.Entry.From is null);
        var log = ImmutableArray.CreateBuilder<LifecycleTransition>();
        log.Add(new LifecycleTransition(null, start.Entry.To, start.Entry.At));
        var from = new List<ContactId> { start.Contact };
        var stage = start.Entry.To;
        foreach (var (contact, entry) in entries)
        {
            if (ReferenceEquals(entry, start.Entry) || !LifecycleRules.IsAllowed(stage, entry.To))
            {
                continue;
            }

            log.Add(new LifecycleTransition(stage, entry.To, entry.At, entry.Reason));
            stage = entry.To;
            if (!from.Contains(contact))
            {
                from.Add(contact);
            }
        }

        var order = all.Select(c => c.Id).ToList();
        from.Sort((a, b) => order.IndexOf(a).CompareTo(order.IndexOf(b)));
        return (log.ToImmutable(), from);
    }

    private static readonly IEqualityComparer<string> TagComparer = TagRules.Comparer;

    private static Contact Scalar<T>(
        List<MergeFieldDecision> decisions, string field, MergeFieldPolicy policy, List<Contact> all,
        Func<Contact, T?> get, Contact merged, Func<Contact, T?, Contact> set, Func<T?, object?>? compareBy = null)
    {
        compareBy ??= v => v;
        var chosen = Choose(policy, all, c => get(c) is not null);
        var value = get(chosen);
        var changed = !Equals(compareBy(value), compareBy(get(all[0])));
        decisions.Add(new MergeFieldDecision(field, policy, value is null ? [] : [chosen.Id], changed));
        return changed ? set(merged, value) : merged;
    }

    private static Contact List<T>(
        List<MergeFieldDecision> decisions, string field, MergeFieldPolicy policy, IReadOnlyList<Contact> all,
        Func<Contact, IReadOnlyList<T>> get, Contact merged, Func<Contact, IEnumerable<T>, Contact> set,
        IEqualityComparer<T>? comparer = null, IEqualityComparer<T>? changeComparer = null)
    {
        comparer ??= EqualityComparer<T>.Default;
        changeComparer ??= comparer;
        List<T> result;
        IReadOnlyList<ContactId> from;
        if (policy == MergeFieldPolicy.Union)
        {
            result = [];
            var seen = new HashSet<T>(comparer);
            var contributors = new List<ContactId>();
            foreach (var contact in all)
            {
                var added = false;
                foreach (var item in get(contact))
                {
                    if (seen.Add(item))
                    {
                        result.Add(item);
                        added = true;
                    }
                }

                if (added)
                {
                    contributors.Add(contact.Id);
                }
            }

            from = contributors;
        }
        else
        {
            var chosen = Choose(policy, all, c => get(c).Count > 0);
            result = [.. get(chosen)];
            from = result.Count == 0 ? [] : [chosen.Id];
        }

        var changed = !result.SequenceEqual(get(all[0]), changeComparer);
        decisions.Add(new MergeFieldDecision(field, policy, from, changed));
        return changed ? set(merged, result) : merged;
    }

    private static Contact Attributes(List<MergeFieldDecision> decisions, MergeFieldPolicy policy, IReadOnlyList<Contact> all, Contact merged)
    {
        static IReadOnlyList<KeyValuePair<string, CustomAttributeValue>> Get(Contact c) => c.Attributes.ToArray();
        var comparer = new AttributeNameComparer();
        return List(decisions, nameof(Contact.Attributes), policy, all, Get, merged, (c, v) => c.WithAttributes(v), comparer, EqualityComparer<KeyValuePair<string, CustomAttributeValue>>.Default);
    }

    private static Contact Choose(MergeFieldPolicy policy, IReadOnlyList<Contact> all, Func<Contact, bool> has)
    {
        var survivor = all[0];
        return policy switch
        {
            MergeFieldPolicy.KeepSurvivor => survivor,
            MergeFieldPolicy.PreferSurvivor or MergeFieldPolicy.Union => has(survivor) ? survivor : all.Skip(1).FirstOrDefault(has) ?? survivor,
            MergeFieldPolicy.PreferAbsorbed => all.Skip(1).FirstOrDefault(has) ?? survivor,
            MergeFieldPolicy.PreferNewest => all.Where(has).Aggregate((Contact?)null, (best, c) => best is null || c.UpdatedAt > best.UpdatedAt ? c : best) ?? survivor,
            _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "MergeFieldPolicy must be a defined value."),
        };
    }

    private static ContactId[] Contributors(IReadOnlyList<Contact> all, Func<Contact, bool> has)
        => all.Where(has).Select(c => c.Id).ToArray();

    /// <summary>Attributes are unioned by name (case-insensitive); the first contact with a name wins its value.</summary>
    private sealed class AttributeNameComparer : IEqualityComparer<KeyValuePair<string, CustomAttributeValue>>
    {
        public bool Equals(KeyValuePair<string, CustomAttributeValue> x, KeyValuePair<string, CustomAttributeValue> y)
            => AttributeKeys.Comparer.Equals(x.Key, y.Key);

        public int GetHashCode(KeyValuePair<string, CustomAttributeValue> obj) => AttributeKeys.Comparer.GetHashCode(obj.Key);
    }
}
