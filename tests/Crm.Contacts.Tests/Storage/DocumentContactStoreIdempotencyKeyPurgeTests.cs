using Crm.Testing.Contacts;

namespace Crm.Contacts.Tests.Storage;

/// <summary>The specification of the idempotency-key purge capability (Crm.Testing) run against <see cref="DocumentContactStore"/>.</summary>
public sealed class DocumentContactStoreIdempotencyKeyPurgeTests : IdempotencyKeyPurgeSpecification<DocumentContactStore>
{
    protected override DocumentContactStore CreateStore() => new();
}
