using Crm.Interactions;
using Crm.Interactions.Storage;
using Crm.Outbox;
using Crm.Storage;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Validates <see cref="InteractionOptions"/> at start-up, including that the registered store has the capabilities the package needs.</summary>
internal sealed class InteractionOptionsValidator : IValidateOptions<InteractionOptions>
{
    private readonly IServiceScopeFactory _scopes;

    public InteractionOptionsValidator(IServiceScopeFactory scopes) => _scopes = scopes;

    public ValidateOptionsResult Validate(string? name, InteractionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = options.Validate().ToList();
        using var scope = _scopes.CreateScope();
        var store = scope.ServiceProvider.GetService<IInteractionStore>();
        if (store is null)
        {
            failures.Add("No IInteractionStore is registered: call AddInteractions() or register a store.");
        }
        else
        {
            if (store is not IOutboxStore)
            {
                failures.Add($"The registered IInteractionStore ({store.GetType().FullName}) does not implement Crm.Outbox.IOutboxStore: the interactions package writes its events to the store's outbox in the same atomic save as the facts. Implement IOutboxStore (InMemoryOutbox can be embedded; the EF Core stores have one).");
            }

            if (store is not IVersionCounterStore)
            {
                failures.Add($"The registered IInteractionStore ({store.GetType().FullName}) does not implement Crm.Storage.IVersionCounterStore: support-case tracking codes are drawn from a version counter the store advances atomically.");
            }

            if (store is not IFollowUpStore)
            {
                failures.Add($"The registered IInteractionStore ({store.GetType().FullName}) does not implement Crm.Interactions.Storage.IFollowUpStore: follow-ups are saved in the same change sets as their timeline entries and cases.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
