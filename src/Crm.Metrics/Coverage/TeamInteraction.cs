namespace Crm.Metrics.Coverage;

/// <summary>One interaction between a customer and a team member (a call, a meeting, a handled ticket…).</summary>
/// <typeparam name="TCustomer">The host's customer key.</typeparam>
/// <typeparam name="TMember">The host's team-member key.</typeparam>
/// <param name="Customer">The customer.</param>
/// <param name="TeamMember">The team member who served them.</param>
public readonly record struct TeamInteraction<TCustomer, TMember>(TCustomer Customer, TMember TeamMember)
    where TCustomer : notnull
    where TMember : notnull;
