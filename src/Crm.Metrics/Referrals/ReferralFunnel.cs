namespace Crm.Metrics.Referrals;

/// <summary>Referral invitations sent and converted, their conversion rate and the viral coefficient.</summary>
/// <param name="InvitationsSent">All invitations.</param>
/// <param name="Converted">Invitations that converted.</param>
/// <param name="Referrers">Distinct customers who sent at least one invitation.</param>
/// <param name="ConversionRate">Converted / InvitationsSent, a fraction 0…1; undefined without invitations.</param>
/// <remarks>
/// The viral coefficient K = i × c, with i the invitations sent per customer and c the conversion rate; it simplifies to
/// converted invitations per customer. K above 1 means each customer brings in more than one new customer, so growth
/// compounds. Which customers form the base is the caller's choice: all customers active in the period
/// (<see cref="ViralCoefficient(long)"/>) or only those who invited (<see cref="ViralCoefficientAmongReferrers"/>).
/// </remarks>
public sealed record ReferralFunnel(long InvitationsSent, long Converted, long Referrers, MetricValue ConversionRate)
{
    /// <summary>K computed over the customers who sent at least one invitation; undefined without invitations.</summary>
    public MetricValue ViralCoefficientAmongReferrers => ViralCoefficientOver(Referrers, "no referrers: nobody sent an invitation");

    /// <summary>K = (InvitationsSent / <paramref name="customers"/>) × ConversionRate: new customers brought in per customer of the base.</summary>
    /// <param name="customers">The size of the customer base the invitations came from.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="customers"/> is negative, or smaller than <see cref="Referrers"/>.</exception>
    /// <returns>K, or undefined when the base is empty.</returns>
    public MetricValue ViralCoefficient(long customers)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(customers);
        if (customers < Referrers)
        {
            throw new ArgumentOutOfRangeException(nameof(customers), customers, $"The customer base must hold at least the {Referrers} customers who sent invitations.");
        }

        return ViralCoefficientOver(customers, "no customers in the base");
    }

    // (sent / customers) × (converted / sent) = converted / customers, which stays defined (0) when nobody was invited.
    private MetricValue ViralCoefficientOver(long customers, string reason) => MetricValue.Ratio(Converted, customers, reason);
}
