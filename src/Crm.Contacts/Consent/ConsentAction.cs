namespace Crm.Contacts.Consent;

/// <summary>What a <see cref="ConsentRecord"/> records.</summary>
public enum ConsentAction
{
    /// <summary>The person agreed (or another lawful basis was recorded); under double opt-in it still awaits confirmation.</summary>
    Granted = 0,

    /// <summary>The person confirmed a grant that awaited confirmation (the double opt-in click).</summary>
    Confirmed = 1,

    /// <summary>The person withdrew, or objected to, the processing.</summary>
    Withdrawn = 2,
}
