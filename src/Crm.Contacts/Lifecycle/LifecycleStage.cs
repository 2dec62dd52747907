namespace Crm.Contacts.Lifecycle;

/// <summary>Where a contact stands in the customer lifecycle; the allowed moves are in <see cref="LifecycleRules"/>.</summary>
public enum LifecycleStage
{
    /// <summary>Known, but not yet qualified or engaged (e.g. a newsletter sign-up).</summary>
    Lead = 0,

    /// <summary>Qualified and engaged, considering a first purchase.</summary>
    Prospect = 1,

    /// <summary>Has bought once.</summary>
    Customer = 2,

    /// <summary>Has bought more than once.</summary>
    RepeatCustomer = 3,

    /// <summary>Promotes the business: refers others, reviews, testifies.</summary>
    Advocate = 4,

    /// <summary>Was a customer and stopped; entered with a <see cref="ChurnReason"/>.</summary>
    Churned = 5,

    /// <summary>Came back after churning; becomes a repeat customer or advocate again, or churns again.</summary>
    Reactivated = 6,
}
