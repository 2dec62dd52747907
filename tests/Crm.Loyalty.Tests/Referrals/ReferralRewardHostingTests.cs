using Crm.Contacts;
using Crm.Contacts.Referrals;
using Crm.Loyalty.Referrals;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static Crm.Loyalty.Tests.TestSupport.Programs;
using static Crm.Loyalty.Tests.TestSupport.TestHost;

namespace Crm.Loyalty.Tests.Referrals;

public sealed class ReferralRewardHostingTests
{
    private static readonly TenantId Tenant = new("referral-hosting");

    private static ServiceProvider Host(Action<ReferralRewardOptions> configure, Action<CrmBuilder>? more = null)
        => Build(s =>
        {
            var builder = s.AddCrm().AddContacts().AddLoyalty(o => o.Program = Basic()).AddLoyaltyReferralRewards(configure);
            more?.Invoke(builder);
        });

    [Fact]
    public void Options_without_any_reward_fail_at_start_naming_the_rule()
    {
        using var provider = Host(_ => { });

        var act = () => Start(provider);

        act.Should().Throw<OptionsValidationException>().WithMessage("*RefereePoints and ReferrerPoints must not be negative, and at least one must be positive*");
    }

    [Fact]
    public void A_chain_deeper_than_the_limit_fails_at_start()
    {
        using var provider = Host(o => { o.ReferrerPoints = 10; o.ChainPoints = [.. Enumerable.Repeat(1L, ReferralRewardOptions.MaxChainDepthLimit)]; });

        var act = () => Start(provider);

        act.Should().Throw<OptionsValidationException>().WithMessage("*ChainPoints must hold at most 9 positive values*");
    }

    [Fact]
    public async Task A_host_check_runs_after_the_defaults_and_its_code_is_recorded()
    {
        using var provider = Host(o => o.ReferrerPoints = 10, b => b.AddReferralAbuseCheck<BlockEveryone>());
        Start(provider);
        using var scope = provider.CreateScope();
        var contacts = scope.ServiceProvider.GetRequiredService<ContactManager>();
        var (a, b) = ((await contacts.CreateAsync(Tenant, new ContactDraft())).Id, (await contacts.CreateAsync(Tenant, new ContactDraft())).Id);
        var referrals = scope.ServiceProvider.GetRequiredService<ReferralRewardManager>();

        var self = await referrals.AttributeAsync(Tenant, new ReferralClaim(a, a, "s"));
        var other = await referrals.AttributeAsync(Tenant, new ReferralClaim(b, a, "o"));

        self.Rejection!.Code.Should().Be(ReferralRejectionCodes.SelfReferral, "the built-in checks run first");
        other.Rejection!.Code.Should().Be("host-blocklist");
    }

    [Fact]
    public async Task Turning_the_defaults_off_lets_a_shared_email_through()
    {
        using var provider = Host(o => { o.ReferrerPoints = 10; o.DefaultAbuseChecks = false; });
        Start(provider);
        using var scope = provider.CreateScope();
        var contacts = scope.ServiceProvider.GetRequiredService<ContactManager>();
        var a = (await contacts.CreateAsync(Tenant, new ContactDraft { Emails = ["ann@example.com"] })).Id;
        var b = (await contacts.CreateAsync(Tenant, new ContactDraft { Emails = ["ann+2@example.com"] })).Id;

        var result = await scope.ServiceProvider.GetRequiredService<ReferralRewardManager>().AttributeAsync(Tenant, new ReferralClaim(b, a, "c"));

        result.Outcome.Should().Be(ReferralAttributionOutcome.Attributed);
    }

    [Theory]
    [InlineData("Ann+promo@Example.com", "ann@example.com")]
    [InlineData("ann@example.com", "ann@example.com")]
    [InlineData("a+b+c@x.org", "a@x.org")]
    public void The_email_check_compares_addresses_without_their_tag(string input, string expected)
        => SharedEmailCheck.StripTag(Crm.Contacts.Profile.EmailAddress.Parse(input)).Should().Be(expected);

    [Fact]
    public async Task A_referral_recorded_in_Contacts_is_attributed_through_the_outbox()
    {
        using var provider = Host(o => o.ReferrerPoints = 10, b => b.Services.Configure<Crm.Outbox.OutboxOptions>(o => o.EnableBackgroundDispatch = false));
        Start(provider);
        ContactId referee, referrer;
        using (var scope = provider.CreateScope())
        {
            var contacts = scope.ServiceProvider.GetRequiredService<ContactManager>();
            (referee, referrer) = ((await contacts.CreateAsync(Tenant, new ContactDraft())).Id, (await contacts.CreateAsync(Tenant, new ContactDraft())).Id);
            await scope.ServiceProvider.GetRequiredService<ReferralManager>().RecordReferralAsync(Tenant, referee, referrer);
        }

        await provider.GetRequiredService<Crm.Outbox.OutboxDispatcher>().DispatchPendingAsync();

        using var check = provider.CreateScope();
        (await check.ServiceProvider.GetRequiredService<ReferralRewardManager>().GetReferralAsync(Tenant, referee))!.ReferrerId.Should().Be(referrer);
    }

    private sealed class BlockEveryone : IReferralAbuseCheck
    {
        public ValueTask<string?> CheckAsync(ReferralAbuseContext context, CancellationToken cancellationToken) => ValueTask.FromResult<string?>("host-blocklist");
    }
}
