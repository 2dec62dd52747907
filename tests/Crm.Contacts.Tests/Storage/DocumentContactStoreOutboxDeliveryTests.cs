using Crm.Testing.Contacts;

namespace Crm.Contacts.Tests.Storage;

/// <summary>The specification of outbox delivery end to end (Crm.Testing) run against <see cref="DocumentContactStore"/>.</summary>
public sealed class DocumentContactStoreOutboxDeliveryTests : OutboxDeliverySpecification<DocumentContactStore>
{
    protected override DocumentContactStore CreateStore() => new();
}
