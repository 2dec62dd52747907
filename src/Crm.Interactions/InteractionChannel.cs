namespace Crm.Interactions;

/// <summary>Through which channel an interaction happened.</summary>
public enum InteractionChannel
{
    /// <summary>No channel applies (an internal note).</summary>
    None = 0,

    /// <summary>A phone call.</summary>
    Phone = 1,

    /// <summary>E-mail.</summary>
    Email = 2,

    /// <summary>SMS or another text message to a phone number.</summary>
    Sms = 3,

    /// <summary>Live chat or a messaging app.</summary>
    Chat = 4,

    /// <summary>A social network (a direct message, a mention, a comment).</summary>
    Social = 5,

    /// <summary>In person (a store, a branch, a visit).</summary>
    InPerson = 6,

    /// <summary>A web site, a web form or a portal.</summary>
    Web = 7,

    /// <summary>A mobile app.</summary>
    App = 8,

    /// <summary>A video call.</summary>
    Video = 9,

    /// <summary>Letter post.</summary>
    Post = 10,

    /// <summary>Any other channel.</summary>
    Other = 11,
}
