using Crm.Samples.RetentionReport.Analysis;
using Crm.Samples.RetentionReport.Storage;

namespace Crm.Samples.RetentionReport.Output;

/// <summary>Everything a report writer shows: the figures, the referral figures when there is a CRM database, and how customers are named.</summary>
/// <param name="Source">Where the purchases came from, in words.</param>
/// <param name="Figures">The computed figures.</param>
/// <param name="Referrals">The referral figures, or null when the input has no referrals (a CSV file).</param>
/// <param name="Names">Display labels by customer key, or null to show the keys themselves.</param>
/// <param name="Relationship">NPS, service and loyalty figures read back from the CRM database, or null when the input has none (a CSV file).</param>
internal sealed record ReportDocument(string Source, ReportFigures Figures, ReferralFigures? Referrals, IReadOnlyDictionary<string, string>? Names, RelationshipFigures? Relationship = null)
{
    /// <summary>How many customers the top lists show.</summary>
    public const int TopRows = 10;

    /// <summary>Customers at risk: bought on at least two days, P(alive) below this.</summary>
    public const double AtRiskBelow = 0.5;

    /// <summary>The label of a customer: the display name for the generated base, otherwise the key as read.</summary>
    public string Label(string customer) => Names is not null && Names.TryGetValue(customer, out var name) ? name : customer;

    /// <summary>The customers with the highest predicted CLV.</summary>
    public IEnumerable<CustomerOutlook> TopClv => Figures.Outlook.Where(o => o.Clv is not null).Take(TopRows);

    /// <summary>The repeat customers the model thinks have most likely left, most valuable first: the ones worth a win-back.</summary>
    public IEnumerable<CustomerOutlook> AtRisk => Figures.Outlook
        .Where(o => o.PurchaseDays >= 2 && o.ProbabilityAlive < AtRiskBelow)
        .OrderByDescending(o => o.Revenue)
        .ThenBy(o => o.Customer, StringComparer.Ordinal)
        .Take(TopRows);
}
