using Crm.Testing.Contacts;

namespace Crm.Contacts.Tests.Storage;

/// <summary>The outbox specification (Crm.Testing) run against <see cref="DocumentContactStore"/>: its events are written with its documents.</summary>
public sealed class DocumentContactStoreOutboxTests : ContactOutboxSpecification<DocumentContactStore>
{
    protected override DocumentContactStore CreateStore() => new();
}
