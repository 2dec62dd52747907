using Crm.Loyalty;
using Crm.Loyalty.Storage;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Validates <see cref="LoyaltyOptions"/> at start-up: the program, the retry limit, and that the registered store has an outbox.</summary>
internal sealed class LoyaltyOptionsValidator : IValidateOptions<LoyaltyOptions>
{
    private readonly IServiceScopeFactory _scopes;

    public LoyaltyOptionsValidator(IServiceScopeFactory scopes) => _scopes = scopes;

    public ValidateOptionsResult Validate(string? name, LoyaltyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Program is null)
        {
            failures.Add("LoyaltyOptions.Program must be set: define the loyalty program (currency, time zone, rounding, debt policy, rules).");
        }
        else
        {
            failures.AddRange(options.Program.Validate());
        }

        if (options.MaxConflictRetries is < 1 or > LoyaltyOptions.MaxRetriesLimit)
        {
            failures.Add($"LoyaltyOptions.MaxConflictRetries must be between 1 and {LoyaltyOptions.MaxRetriesLimit} (was {options.MaxConflictRetries}).");
        }

        using var scope = _scopes.CreateScope();
        var store = scope.ServiceProvider.GetService<ILoyaltyStore>();
        if (store is null)
        {
            failures.Add("No ILoyaltyStore is registered: call AddLoyalty() or register a store.");
        }
        else if (store is not Crm.Outbox.IOutboxStore)
        {
            failures.Add($"The registered ILoyaltyStore ({store.GetType().FullName}) does not implement Crm.Outbox.IOutboxStore: the loyalty package writes its events to the store's outbox in the same atomic save as the ledger entries. Implement IOutboxStore (InMemoryOutbox can be embedded; the EF Core stores have one).");
        }

        if (store is not null && options.Program is { Tiers.Count: > 0 } && store is not ILoyaltyTierStore)
        {
            failures.Add($"The loyalty program has tiers, so the registered ILoyaltyStore ({store.GetType().FullName}) must implement ILoyaltyTierStore (stored tiers with their history); the in-memory and EF Core stores do.");
        }

        if (store is not null && options.Program is { Badges.Count: > 0 } && store is not ILoyaltyBadgeStore)
        {
            failures.Add($"The loyalty program has badges, so the registered ILoyaltyStore ({store.GetType().FullName}) must implement ILoyaltyBadgeStore (awarded badges); the in-memory and EF Core stores do.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
