using System.Collections.Immutable;

namespace Crm.Interactions.Support;

/// <summary>A tenant's service-level agreement: targets per priority, counted in the business hours of a calendar.</summary>
/// <remarks>A priority without targets has no SLA. A case keeps the targets it was opened with; the calendar is read when a timer is computed.</remarks>
public sealed class SlaPolicy
{
    /// <summary>Creates the policy.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A target is null or a priority is not defined.</exception>
    public SlaPolicy(BusinessCalendar calendar, IReadOnlyDictionary<CasePriority, SlaTargets> targets)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(targets);
        if (targets.Any(static t => t.Value is null || !Enum.IsDefined(t.Key)))
        {
            throw new ArgumentException("SLA targets must name defined priorities and must not be null.", nameof(targets));
        }

        Calendar = calendar;
        Targets = targets.ToImmutableDictionary();
    }

    /// <summary>The business hours the timers count.</summary>
    public BusinessCalendar Calendar { get; }

    /// <summary>The targets per priority.</summary>
    public IReadOnlyDictionary<CasePriority, SlaTargets> Targets { get; }

    /// <summary>The targets of <paramref name="priority"/>, or <see langword="null"/> when it has none.</summary>
    public SlaTargets? For(CasePriority priority) => Targets.GetValueOrDefault(priority);

    /// <summary>The calendar and the number of priorities with targets.</summary>
    public override string ToString() => $"SLA over {Calendar}, {Targets.Count} priorit(ies) with targets";
}
