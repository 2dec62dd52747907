namespace Crm.Metrics.Rfm;

/// <summary>One customer's RFM input and the scores it earned.</summary>
/// <typeparam name="TCustomer">The host's customer key.</typeparam>
/// <param name="Input">The customer's recency, frequency and monetary value.</param>
/// <param name="Scores">The customer's scores.</param>
public sealed record RfmScoringRow<TCustomer>(RfmScoringInput<TCustomer> Input, RfmScores Scores)
    where TCustomer : notnull
{
    /// <summary>The customer.</summary>
    public TCustomer Customer => Input.Customer;
}
