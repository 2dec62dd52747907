namespace Crm.Contacts.Duplicates;

/// <summary>Evaluates a rule set for one contact against candidate ids found by key (the OR of rules, the AND of criteria).</summary>
internal static class DuplicateMatcher
{
    /// <summary>The candidate's keys per criterion, for every criterion of every rule.</summary>
    public static Dictionary<DuplicateCriterion, IReadOnlyList<DuplicateKey>> KeysByCriterion(Contact candidate, IReadOnlyList<DuplicateRule> rules)
    {
        var keys = new Dictionary<DuplicateCriterion, IReadOnlyList<DuplicateKey>>();
        foreach (var criterion in rules.SelectMany(r => r.Criteria))
        {
            if (!keys.ContainsKey(criterion))
            {
                keys.Add(criterion, DuplicateKeys.For(candidate, criterion));
            }
        }

        return keys;
    }

    /// <summary>The distinct keys worth looking up: those of criteria in rules the candidate could meet (it has a value for every criterion).</summary>
    public static List<DuplicateKey> KeysToLookUp(IReadOnlyList<DuplicateRule> rules, Dictionary<DuplicateCriterion, IReadOnlyList<DuplicateKey>> keysByCriterion)
    {
        var result = new List<DuplicateKey>();
        var seen = new HashSet<DuplicateKey>();
        foreach (var rule in rules)
        {
            if (rule.Criteria.Any(c => keysByCriterion[c].Count == 0))
            {
                continue;
            }

            foreach (var key in rule.Criteria.SelectMany(c => keysByCriterion[c]))
            {
                if (seen.Add(key))
                {
                    result.Add(key);
                }
            }
        }

        return result;
    }

    /// <summary>
    /// For each candidate id, the first rule under which the index says it matches: for every criterion of the rule it
    /// shares at least one usable key. <paramref name="idsFor"/> returns <see langword="null"/> for an unknown or skipped key.
    /// </summary>
    public static SortedDictionary<ContactId, int> Evaluate(
        ContactId self,
        IReadOnlyList<DuplicateRule> rules,
        Dictionary<DuplicateCriterion, IReadOnlyList<DuplicateKey>> keysByCriterion,
        Func<DuplicateKey, IEnumerable<ContactId>?> idsFor)
    {
        var firstRule = new SortedDictionary<ContactId, int>();
        for (var i = 0; i < rules.Count; i++)
        {
            HashSet<ContactId>? candidates = null;
            foreach (var criterion in rules[i].Criteria)
            {
                var forCriterion = new HashSet<ContactId>();
                foreach (var key in keysByCriterion[criterion])
                {
                    if (idsFor(key) is { } ids)
                    {
                        forCriterion.UnionWith(ids);
                    }
                }

                forCriterion.Remove(self);
                if (candidates is null)
                {
                    candidates = forCriterion;
                }
                else
                {
                    candidates.IntersectWith(forCriterion);
                }

                if (candidates.Count == 0)
                {
                    break;
                }
            }

            foreach (var id in candidates ?? [])
            {
                firstRule.TryAdd(id, i);
            }
        }

        return firstRule;
    }

    /// <summary>Re-checks a match on the contacts themselves: every criterion of <paramref name="rule"/> shares a key that was not skipped.</summary>
    public static bool Meets(Contact candidate, Contact other, DuplicateRule rule, IReadOnlySet<DuplicateKey> skipped)
    {
        foreach (var criterion in rule.Criteria)
        {
            var mine = DuplicateKeys.For(candidate, criterion).Where(k => !skipped.Contains(k)).ToHashSet();
            if (!DuplicateKeys.For(other, criterion).Any(mine.Contains))
            {
                return false;
            }
        }

        return true;
    }
}
