using Crm.Loyalty.Ledger;

namespace Crm.Loyalty.Program;

/// <summary>The pure earning computation of a program (the order of operations of <see cref="EarningBasis"/>).</summary>
internal static class EarningCalculator
{
    public static EarningPreview Compute(LoyaltyProgram program, Purchase purchase, long? capRoom, Tiers.LoyaltyTier? tier = null)
    {
        var date = purchase.OccurredAt.InZone(program.TimeZone).Date;
        if (!program.IsActiveOn(date))
        {
            throw new ProgramNotActiveException(program.Id, date);
        }

        var share = EarningShare(program, purchase);
        var tierFactor = tier?.EarningMultiplier ?? 1m;
        var lines = new List<EarnedLine>(purchase.Lines.Count);
        foreach (var line in purchase.Lines)
        {
            if (line.Amount.Currency != program.Currency)
            {
                throw new ArgumentException($"Purchase line '{line.LineId}' is in {line.Amount.Currency}; the program earns on {program.Currency}.", nameof(purchase));
            }

            var basis = (program.Basis.AfterDiscounts ? line.NetAmount : line.Amount.Amount) + (program.Basis.IncludeTax ? line.Tax.Amount : 0m);
            basis *= share;
            var (rate, ruleIds) = Rate(program, line.Category);
            var (multiplier, multiplierIds) = Multiplier(program, line.Category, date);
            multiplier *= tierFactor;
            var points = rate == 0 ? 0 : Round(basis * rate * multiplier, program.Rounding);
            var ruleText = ruleIds.Count == 0 ? null : string.Join('+', ruleIds) + (multiplierIds.Count == 0 ? string.Empty : "*" + string.Join('*', multiplierIds));
            lines.Add(new EarnedLine(line.LineId, line.NetAmount, basis, ruleText, rate, multiplier, points));
        }

        var total = lines.Sum(l => l.Points);
        long capped = 0;
        if (capRoom is { } room && total > room)
        {
            capped = total - Math.Max(0, room);
            var toRemove = capped;
            for (var i = lines.Count - 1; i >= 0 && toRemove > 0; i--)
            {
                var take = Math.Min(toRemove, lines[i].Points);
                var l = lines[i];
                lines[i] = new EarnedLine(l.LineId, l.Amount, l.Basis, l.RuleId, l.Rate, l.Multiplier, l.Points - take);
                toRemove -= take;
            }

            total -= capped;
        }

        return new EarningPreview(total, new EarningSnapshot(program.Id, program.Rounding, lines, capped) { TierId = tier?.Id, TierMultiplier = tierFactor });
    }

    /// <summary>Rounds a non-negative number of points with the program's mode.</summary>
    public static long Round(decimal value, PointsRounding rounding) => checked((long)(rounding switch
    {
        PointsRounding.Down => decimal.Floor(value),
        PointsRounding.Up => decimal.Ceiling(value),
        PointsRounding.HalfUp => decimal.Round(value, MidpointRounding.AwayFromZero),
        PointsRounding.HalfEven => decimal.Round(value, MidpointRounding.ToEven),
        _ => throw new LoyaltyProgramException("?", ["LoyaltyProgram.Rounding must be set explicitly."]),
    }));

    private static decimal EarningShare(LoyaltyProgram program, Purchase purchase)
    {
        if (purchase.Tenders.Count == 0)
        {
            return 1m;
        }

        decimal all = 0, earning = 0;
        foreach (var tender in purchase.Tenders)
        {
            if (tender is null || tender.Amount.Currency != program.Currency || tender.Amount.Amount < 0)
            {
                throw new ArgumentException($"Every tender must be a non-negative amount in {program.Currency}.", nameof(purchase));
            }

            all += tender.Amount.Amount;
            if (program.Basis.EarningTenders.Contains(tender.Kind))
            {
                earning += tender.Amount.Amount;
            }
        }

        return all == 0 ? 0 : earning / all;
    }

    private static (decimal Rate, List<string> Ids) Rate(LoyaltyProgram program, string? category)
    {
        decimal rate = 0;
        var ids = new List<string>();
        foreach (var rule in program.SpendRules.Where(r => r.AppliesTo(category)).OrderByDescending(r => r.Priority).ThenBy(r => r.Id, StringComparer.Ordinal))
        {
            if (rule.Stacking == RuleStacking.Exclusive)
            {
                if (ids.Count == 0)
                {
                    return (rule.PointsPerUnit, [rule.Id]);
                }

                continue;
            }

            rate += rule.PointsPerUnit;
            ids.Add(rule.Id);
        }

        return (rate, ids);
    }

    private static (decimal Factor, List<string> Ids) Multiplier(LoyaltyProgram program, string? category, NodaTime.LocalDate date)
    {
        decimal factor = 1;
        var ids = new List<string>();
        foreach (var m in program.Multipliers.Where(m => m.AppliesTo(category, date)).OrderByDescending(m => m.Priority).ThenBy(m => m.Id, StringComparer.Ordinal))
        {
            if (m.Stacking == RuleStacking.Exclusive)
            {
                if (ids.Count == 0)
                {
                    return (m.Factor, [m.Id]);
                }

                continue;
            }

            factor *= m.Factor;
            ids.Add(m.Id);
        }

        return (factor, ids);
    }
}
