namespace Crm.Contacts.Lifecycle;

/// <summary>The lifecycle transition table: which stage may follow which.</summary>
/// <remarks>
/// <para>The funnel Lead → Prospect → Customer → RepeatCustomer → Advocate only moves forward, and a forward move may
/// skip stages (a lead who buys at once becomes a Customer; an existing customer imported as a lead may be promoted
/// straight to RepeatCustomer). Moving back down the funnel is illegal: a customer who stops buying churns.</para>
/// <para>Churned is entered, with a reason, from Customer, RepeatCustomer, Advocate or Reactivated: only someone who
/// bought can churn (a lead who never bought is not churn). The only way out of Churned is Reactivated. From Reactivated
/// a contact moves on to RepeatCustomer or Advocate (they have bought before), or churns again.</para>
/// <para>Staying in the same stage is not a transition and is rejected. A contact is created in Lead, Prospect,
/// Customer, RepeatCustomer or Advocate (<see cref="IsValidInitialStage"/>), never directly in Churned or Reactivated.</para>
/// <code>
/// from \ to       Lead Prospect Customer Repeat Advocate Churned Reactivated
/// Lead             -      x        x       x       x
/// Prospect                -        x       x       x
/// Customer                         -       x       x       x
/// RepeatCustomer                           -       x       x
/// Advocate                                         -       x
/// Churned                                                  -         x
/// Reactivated                              x       x       x         -
/// </code>
/// </remarks>
public static class LifecycleRules
{
    /// <summary>Whether a contact in <paramref name="from"/> may move to <paramref name="to"/>.</summary>
    public static bool IsAllowed(LifecycleStage from, LifecycleStage to)
    {
        if (from == to || !Enum.IsDefined(from) || !Enum.IsDefined(to))
        {
            return false;
        }

        return from switch
        {
            LifecycleStage.Churned => to == LifecycleStage.Reactivated,
            LifecycleStage.Reactivated => to is LifecycleStage.RepeatCustomer or LifecycleStage.Advocate or LifecycleStage.Churned,
            _ when to == LifecycleStage.Churned => from is LifecycleStage.Customer or LifecycleStage.RepeatCustomer or LifecycleStage.Advocate,
            _ when to == LifecycleStage.Reactivated => false,
            _ => to > from,
        };
    }

    /// <summary>The stages a contact in <paramref name="from"/> may move to, in enum order.</summary>
    public static IReadOnlyList<LifecycleStage> AllowedTargets(LifecycleStage from)
        => Enum.GetValues<LifecycleStage>().Where(to => IsAllowed(from, to)).ToArray();

    /// <summary>Whether a contact may be created in <paramref name="stage"/>.</summary>
    public static bool IsValidInitialStage(LifecycleStage stage)
        => stage is LifecycleStage.Lead or LifecycleStage.Prospect or LifecycleStage.Customer or LifecycleStage.RepeatCustomer or LifecycleStage.Advocate;
}
