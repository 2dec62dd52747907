namespace Crm.Metrics.Periods;

/// <summary>The calendar unit of a reporting period.</summary>
public enum PeriodUnit
{
    /// <summary>An ISO-8601 week: Monday to Sunday, week 1 holds the year's first Thursday.</summary>
    IsoWeek = 1,

    /// <summary>A calendar month.</summary>
    Month = 2,

    /// <summary>A calendar quarter: January–March, April–June, July–September, October–December.</summary>
    Quarter = 3,

    /// <summary>A calendar year.</summary>
    Year = 4,

    /// <summary>Any inclusive range of dates.</summary>
    Custom = 5,
}
