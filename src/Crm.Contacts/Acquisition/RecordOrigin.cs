namespace Crm.Contacts.Acquisition;

/// <summary>How a contact record entered the system; independent of how the person was acquired (<see cref="AcquisitionSource"/>).</summary>
public enum RecordOrigin
{
    /// <summary>Typed in by a user of the host application.</summary>
    Manual = 0,

    /// <summary>Created through the host's API or an integration (a sign-up form, a shop checkout).</summary>
    Api = 1,

    /// <summary>Loaded in bulk from a file or another system.</summary>
    Import = 2,
}
