namespace Crm.Contacts.Consent;

/// <summary>The lawful basis for processing personal data, as listed in GDPR Article 6(1).</summary>
public enum LawfulBasis
{
    /// <summary>Art. 6(1)(a): the person gave consent for the purpose.</summary>
    Consent = 0,

    /// <summary>Art. 6(1)(b): needed to perform a contract with the person, or to take steps at their request before one.</summary>
    Contract = 1,

    /// <summary>Art. 6(1)(c): needed to comply with a legal obligation.</summary>
    LegalObligation = 2,

    /// <summary>Art. 6(1)(d): needed to protect someone's vital interests.</summary>
    VitalInterests = 3,

    /// <summary>Art. 6(1)(e): needed for a task in the public interest or in official authority.</summary>
    PublicTask = 4,

    /// <summary>Art. 6(1)(f): needed for the legitimate interests of the controller or a third party (e.g. soft opt-in for existing customers).</summary>
    LegitimateInterests = 5,
}
