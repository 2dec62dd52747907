using System.Text.Json;
using Crm.Contacts.Privacy;
using Crm.Privacy;

namespace Crm.Contacts.Tests.TestSupport;

/// <summary>A contributor whose export and erasure are given as functions.</summary>
internal sealed class DelegateContributor(string name, Func<JsonElement?>? export = null, Func<PersonalDataEraseResult>? erase = null) : IPersonalDataContributor
{
    public string Name { get; } = name;

    public ValueTask<JsonElement?> ExportAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken)
        => ValueTask.FromResult(export is null ? null : export());

    public ValueTask<PersonalDataEraseResult> EraseAsync(TenantId tenantId, ContactId contactId, CancellationToken cancellationToken)
        => ValueTask.FromResult(erase is null ? PersonalDataEraseResult.Nothing : erase());
}
