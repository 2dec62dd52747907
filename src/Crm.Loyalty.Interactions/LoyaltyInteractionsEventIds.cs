namespace Crm.Loyalty.Interactions;

/// <summary>The <see cref="Microsoft.Extensions.Logging.EventId"/> numbers Crm.Loyalty.Interactions logs with (3200–3219), so hosts can filter them.</summary>
public static class LoyaltyInteractionsEventIds
{
    /// <summary>A purchase or refund event earned nothing: its currency is not the program's, or the program does not run on its date (Information).</summary>
    public const int PurchaseSkipped = 3200;
}
