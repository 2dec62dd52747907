namespace Crm.Interactions;

/// <summary>What the package's Guid-backed ids share, so one JSON converter and one parser serve them all.</summary>
internal interface IGuidId<TSelf>
    where TSelf : struct, IGuidId<TSelf>
{
    Guid Value { get; }

    static abstract string TypeName { get; }

    static abstract TSelf FromGuid(Guid value);
}
