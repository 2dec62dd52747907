using Crm.Contacts;
using Crm.Contacts.Profile;
using Crm.Contacts.Storage;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Validates <see cref="ContactOptions"/> at start-up, including that the registered store has the capabilities the options need.</summary>
internal sealed class ContactOptionsValidator : IValidateOptions<ContactOptions>
{
    private readonly IServiceScopeFactory _scopes;

    public ContactOptionsValidator(IServiceScopeFactory scopes) => _scopes = scopes;

    public ValidateOptionsResult Validate(string? name, ContactOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.DefaultPhoneRegion is { } region && !PhoneNumber.IsSupportedRegion(region))
        {
            failures.Add($"ContactOptions.DefaultPhoneRegion must be an upper-case ISO 3166-1 alpha-2 region known to libphonenumber (e.g. 'GB', 'US'), or null (was '{region}').");
        }

        CheckLimit(failures, nameof(ContactOptions.MaxEmailAddresses), options.MaxEmailAddresses);
        CheckLimit(failures, nameof(ContactOptions.MaxPhoneNumbers), options.MaxPhoneNumbers);
        CheckLimit(failures, nameof(ContactOptions.MaxTags), options.MaxTags);
        CheckLimit(failures, nameof(ContactOptions.MaxCustomAttributes), options.MaxCustomAttributes);
        if (options.IdempotencyKeyRetention <= NodaTime.Duration.Zero)
        {
            failures.Add($"ContactOptions.IdempotencyKeyRetention must be positive (was {options.IdempotencyKeyRetention}).");
        }

        if (options.EnableReferrals)
        {
            using var scope = _scopes.CreateScope();
            var store = scope.ServiceProvider.GetService<IContactStore>();
            if (store is null)
            {
                failures.Add("No IContactStore is registered: call AddContacts() or register a store.");
            }
            else if (store is not IReferralStore)
            {
                failures.Add($"ContactOptions.EnableReferrals is true, but the registered IContactStore ({store.GetType().FullName}) does not implement IReferralStore. Register a store that implements IReferralStore, or set EnableReferrals = false.");
            }
        }

        using (var scope = _scopes.CreateScope())
        {
            if (scope.ServiceProvider.GetService<IContactStore>() is { } store and not Crm.Outbox.IOutboxStore)
            {
                failures.Add($"The registered IContactStore ({store.GetType().FullName}) does not implement Crm.Outbox.IOutboxStore: the contacts package writes its events to the store's outbox in the same atomic save as the facts. Implement IOutboxStore (InMemoryOutbox can be embedded; the EF Core stores have one).");
            }
        }

        failures.AddRange(options.Duplicates.Validate());
        if (options.Duplicates.Enabled)
        {
            using var scope = _scopes.CreateScope();
            if (scope.ServiceProvider.GetService<IContactStore>() is { } store and not IContactDuplicateIndex)
            {
                failures.Add($"ContactOptions.Duplicates.Enabled is true, but the registered IContactStore ({store.GetType().FullName}) does not implement IContactDuplicateIndex. Register a store that implements it, or set Duplicates.Enabled = false.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckLimit(List<string> failures, string field, int value)
    {
        if (value is < 1 or > ContactOptions.MaxLimit)
        {
            failures.Add($"ContactOptions.{field} must be between 1 and {ContactOptions.MaxLimit} (was {value}).");
        }
    }
}
