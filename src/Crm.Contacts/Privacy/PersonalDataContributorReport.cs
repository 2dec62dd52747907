using Crm.Privacy;
namespace Crm.Contacts.Privacy;

/// <summary>How one <see cref="IPersonalDataContributor"/> fared in an erasure.</summary>
public sealed class PersonalDataContributorReport
{
    internal PersonalDataContributorReport(string name, IReadOnlyList<string> erasedItems, Exception? error)
    {
        Name = name;
        ErasedItems = erasedItems;
        Error = error;
    }

    /// <summary>The contributor's <see cref="IPersonalDataContributor.Name"/>.</summary>
    public string Name { get; }

    /// <summary>What it erased (names of kinds of data); empty when it failed or held nothing.</summary>
    public IReadOnlyList<string> ErasedItems { get; }

    /// <summary>The exception it threw, or <see langword="null"/> when it succeeded.</summary>
    public Exception? Error { get; }

    /// <summary>Whether it finished without an exception.</summary>
    public bool Succeeded => Error is null;

    /// <summary>The contributor, its outcome and how many items it erased.</summary>
    public override string ToString() => $"{Name}: {(Succeeded ? "succeeded" : "failed")}, {ErasedItems.Count} item(s) erased";
}
