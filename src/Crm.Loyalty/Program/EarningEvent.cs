namespace Crm.Loyalty.Program;

/// <summary>A non-purchase event a program can pay points for.</summary>
public enum EarningEvent
{
    /// <summary>The member joined.</summary>
    SignUp = 1,

    /// <summary>The member's birthday (an <see cref="NodaTime.AnnualDate"/>), once per year.</summary>
    Birthday = 2,

    /// <summary>The member wrote a review.</summary>
    Review = 3,

    /// <summary>The member referred someone.</summary>
    Referral = 4,
}
