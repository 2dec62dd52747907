namespace Crm.Metrics.Churn;

/// <summary>One customer's recurring revenue (e.g. monthly recurring revenue) at the start and at the end of a period, or one line of it.</summary>
/// <typeparam name="TCustomer">The host's customer key.</typeparam>
/// <param name="Customer">Whose revenue it is.</param>
/// <param name="StartRevenue">Recurring revenue at the start of the period; zero for a customer acquired during it. Not negative.</param>
/// <param name="EndRevenue">Recurring revenue at the end of the period; zero for a customer lost. Not negative.</param>
public readonly record struct CustomerRevenue<TCustomer>(TCustomer Customer, decimal StartRevenue, decimal EndRevenue)
    where TCustomer : notnull;
