namespace Crm.Contacts.Merging;

/// <summary>How a merge decides one field when the survivor and the absorbed contacts disagree.</summary>
/// <remarks>
/// "First absorbed" means in the order of <see cref="MergeRequest.AbsorbedIds"/>. For list fields (emails, phone
/// numbers, tags, attributes) every policy except <see cref="Union"/> takes one contact's whole list.
/// </remarks>
public enum MergeFieldPolicy
{
    /// <summary>The survivor's value; when the survivor has none, the first absorbed contact's that has one (fill the gaps).</summary>
    PreferSurvivor = 0,

    /// <summary>The survivor's value, even when it has none.</summary>
    KeepSurvivor = 1,

    /// <summary>The first absorbed contact's value that has one; the survivor's when none has.</summary>
    PreferAbsorbed = 2,

    /// <summary>The value of the most recently updated contact (<see cref="Contact.UpdatedAt"/>) that has one; ties go to the survivor, then request order.</summary>
    PreferNewest = 3,

    /// <summary>List fields only: the survivor's items, then each absorbed contact's new items in request order (attributes: every name, the survivor's value winning a conflict, then request order).</summary>
    Union = 4,
}
