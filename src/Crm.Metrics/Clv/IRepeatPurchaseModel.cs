namespace Crm.Metrics.Clv;

/// <summary>A fitted model of how many repeat purchases a customer makes: BG/NBD or Pareto/NBD. CLV is computed against it.</summary>
/// <remarks>Times are in the unit the model was fitted in (the unit of the histories' recency and age).</remarks>
public interface IRepeatPurchaseModel
{
    /// <summary>E[X(t)]: the expected number of repeat purchases of a new customer in their first <paramref name="t"/> units.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="t"/> is negative or not finite.</exception>
    double ExpectedPurchases(double t);

    /// <summary>E[Y(t) | x, t_x, T]: the expected number of purchases in the next <paramref name="t"/> units of a customer with this history.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="t"/> is negative or not finite.</exception>
    double ConditionalExpectedPurchases(double t, PurchaseHistory history);

    /// <summary>P(alive | x, t_x, T): the probability that a customer with this history is still active at T.</summary>
    double ProbabilityAlive(PurchaseHistory history);
}
