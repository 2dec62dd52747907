using Crm.Loyalty.Referrals;
using Crm.Loyalty.Storage;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Validates <see cref="ReferralRewardOptions"/> at start-up, and that the registered loyalty store can keep referrals.</summary>
internal sealed class ReferralRewardOptionsValidator(IServiceScopeFactory scopes) : IValidateOptions<ReferralRewardOptions>
{
    public ValidateOptionsResult Validate(string? name, ReferralRewardOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = options.Validate().ToList();
        using var scope = scopes.CreateScope();
        if (scope.ServiceProvider.GetService<ILoyaltyStore>() is { } store and not ILoyaltyReferralStore)
        {
            failures.Add($"The registered ILoyaltyStore ({store.GetType().FullName}) does not implement ILoyaltyReferralStore, which referral rewards need.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
