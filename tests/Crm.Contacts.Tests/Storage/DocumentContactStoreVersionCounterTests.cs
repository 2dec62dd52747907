using Crm.Testing.Contacts;

namespace Crm.Contacts.Tests.Storage;

/// <summary>The specification of the version-counter read capability (Crm.Testing) run against <see cref="DocumentContactStore"/>.</summary>
public sealed class DocumentContactStoreVersionCounterTests : VersionCounterStoreSpecification<DocumentContactStore>
{
    protected override DocumentContactStore CreateStore() => new();
}
