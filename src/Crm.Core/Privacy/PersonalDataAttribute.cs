namespace Crm.Privacy;

/// <summary>Marks a property or field that holds personal data, so privacy tooling can export it on request and erase it on erasure.</summary>
/// <remarks>
/// Applied to the members of <c>Crm.Contacts.Contact</c> and of its value objects that identify or describe a person (names,
/// addresses, birthday, free-text notes). Ids, codes, stages and timestamps are not personal data on their own and are
/// not marked. Never write a marked value to a log, an event or an exception message.
/// </remarks>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false, Inherited = true)]
public sealed class PersonalDataAttribute : Attribute
{
}
