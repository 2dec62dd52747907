using Crm.Interactions.Support;
using NodaTime;

namespace Crm.Interactions.FollowUps;

/// <summary>The pure part of chaining: which rule applies to a completion and when the next follow-up is due. Reads and writes nothing.</summary>
internal static class FollowUpChaining
{
    /// <summary>The suggestion for completing <paramref name="previous"/> with <paramref name="outcome"/> at <paramref name="completedAt"/>, or <see langword="null"/> when no rule applies or the chain reached the rule's last attempt.</summary>
    /// <remarks>The due instant is counted from the completion; a back-dated completion whose next due instant would already have passed gets <paramref name="now"/>, so a follow-up is never created overdue.</remarks>
    public static FollowUpSuggestion? Suggest(FollowUpOptions options, FollowUp previous, FollowUpOutcome outcome, Instant completedAt, Instant now, BusinessCalendar calendar)
    {
        if (options.RuleFor(outcome) is not { } rule || previous.Attempt >= rule.MaxAttempts)
        {
            return null;
        }

        var due = rule.Delay is { } delay ? completedAt + delay : AddBusinessDays(calendar, completedAt, rule.BusinessDays!.Value);
        return new FollowUpSuggestion(previous, rule, due < now ? now : due, rule.Reason ?? $"Follow-up after {outcome} (attempt {previous.Attempt + 1})");
    }

    /// <summary>The same local time <paramref name="days"/> business days after <paramref name="from"/>'s local date in the calendar's zone; a day counts when it has business hours and is not a holiday. A local time skipped by a daylight-saving change moves forward by the gap.</summary>
    public static Instant AddBusinessDays(BusinessCalendar calendar, Instant from, int days)
    {
        var local = from.InZone(calendar.Zone).LocalDateTime;
        var date = local.Date;
        var counted = 0;
        for (var scanned = 0; counted < days; scanned++)
        {
            if (scanned > BusinessCalendar.MaxSearchDays)
            {
                throw new InvalidOperationException($"The business calendar has no {days} business day(s) within {BusinessCalendar.MaxSearchDays} days.");
            }

            date = date.PlusDays(1);
            if (!calendar.Holidays.Contains(date) && calendar.WeeklyHours.Any(h => h.Day == date.DayOfWeek))
            {
                counted++;
            }
        }

        return (date + local.TimeOfDay).InZoneLeniently(calendar.Zone).ToInstant();
    }
}
