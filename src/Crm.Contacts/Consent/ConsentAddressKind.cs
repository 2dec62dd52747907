namespace Crm.Contacts.Consent;

/// <summary>What a consent is attached to: the whole contact, one email address or one phone number.</summary>
public enum ConsentAddressKind
{
    /// <summary>Every address of the contact (and channels without an address, such as postal mail or in-app messages).</summary>
    AnyAddress = 0,

    /// <summary>One email address.</summary>
    Email = 1,

    /// <summary>One phone number (calls, SMS, messaging apps).</summary>
    Phone = 2,
}
