using Crm.Contacts.Acquisition;
using Crm.Contacts.Attributes;
using Crm.Contacts.Consent;
using Crm.Contacts.Lifecycle;
using Crm.Contacts.Privacy;
using Crm.Contacts.Profile;
using Crm.Privacy;
using Crm.Storage;
using NodaTime;

namespace Crm.Contacts.Tests;

public sealed class ContactTests
{
    private static readonly Instant T0 = Instant.FromUtc(2025, 1, 1, 0, 0);
    private static readonly TenantId Tenant = new("t");

    private static Contact New() => Contact.CreateNew(Tenant, ContactId.New(), RecordOrigin.Manual, LifecycleStage.Lead, T0);

    [Fact]
    public void CopyMethods_KeepTheStamp_WithNewVersionChangesIt()
    {
        var c = New();
        var named = c.WithName(new PersonName("A"));
        named.ConcurrencyStamp.Should().Be(c.ConcurrencyStamp);
        c.Name.Should().BeNull("the original never changes");
        var versioned = named.WithNewVersion(T0 + Duration.FromHours(1));
        versioned.ConcurrencyStamp.Should().NotBe(c.ConcurrencyStamp);
        versioned.UpdatedAt.Should().Be(T0 + Duration.FromHours(1));
        named.WithNewVersion(T0 - Duration.FromHours(1)).UpdatedAt.Should().Be(T0, "UpdatedAt never precedes CreatedAt");
    }

    [Fact]
    public void WithEmails_RejectsDuplicatesByNormalizedForm()
        => FluentActions.Invoking(() => New().WithEmails([EmailAddress.Parse("a@x.com"), EmailAddress.Parse("A@X.COM")]))
            .Should().Throw<ArgumentException>().WithMessage("*must be distinct*");

    [Fact]
    public void WithPhoneNumbers_RejectsDuplicatesAndDefaults()
    {
        FluentActions.Invoking(() => New().WithPhoneNumbers([PhoneNumber.Parse("+442079460018"), PhoneNumber.Parse("020 7946 0018", "GB")])).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => New().WithPhoneNumbers([default])).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void WithTagsAndAttributes_NormalizeAndRejectDuplicates()
    {
        New().WithTags(["a", "A", " b "]).Tags.Should().Equal("a", "b");
        FluentActions.Invoking(() => New().WithAttributes([new("x", CustomAttributeValue.Number(1)), new("X", CustomAttributeValue.Number(2))]))
            .Should().Throw<ArgumentException>().WithMessage("*distinct*");
    }

    [Fact]
    public void WithStageChange_MustStartFromTheCurrentStage_AndBeLegal()
    {
        var c = New();
        FluentActions.Invoking(() => c.WithStageChange(new LifecycleTransition(LifecycleStage.Prospect, LifecycleStage.Customer, T0)))
            .Should().Throw<IllegalLifecycleTransitionException>();
        FluentActions.Invoking(() => c.WithStageChange(new LifecycleTransition(LifecycleStage.Lead, LifecycleStage.Churned, T0, new ChurnReason("x"))))
            .Should().Throw<IllegalLifecycleTransitionException>();
        c.WithStageChange(new LifecycleTransition(LifecycleStage.Lead, LifecycleStage.Customer, T0)).Stage.Should().Be(LifecycleStage.Customer);
    }

    [Fact]
    public void WithLifecycleHistory_MustBeAValidTimeOrderedWalk()
    {
        var ok = new[] { new LifecycleTransition(null, LifecycleStage.Lead, T0), new LifecycleTransition(LifecycleStage.Lead, LifecycleStage.Customer, T0 + Duration.FromDays(1)) };
        New().WithLifecycleHistory(ok).Stage.Should().Be(LifecycleStage.Customer);
        FluentActions.Invoking(() => New().WithLifecycleHistory([])).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => New().WithLifecycleHistory([ok[0], new LifecycleTransition(LifecycleStage.Customer, LifecycleStage.Advocate, T0)])).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => New().WithLifecycleHistory([new LifecycleTransition(null, LifecycleStage.Churned, T0, new ChurnReason("x"))])).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void WithConsentHistory_MustBeInTimeOrder()
    {
        var purpose = new ConsentPurpose("p");
        var late = new ConsentRecord(purpose, ConsentAddress.Any, ConsentAction.Granted, LawfulBasis.Consent, T0 + Duration.FromDays(1), "s");
        var early = new ConsentRecord(purpose, ConsentAddress.Any, ConsentAction.Withdrawn, LawfulBasis.Consent, T0, "s");
        FluentActions.Invoking(() => New().WithConsentHistory([late, early])).Should().Throw<ArgumentException>();
        New().WithConsentHistory([early, late]).ConsentHistory.Should().HaveCount(2);
    }

    [Fact]
    public void StatusChanges_ForMergeAndErasure()
    {
        var c = New();
        var target = ContactId.New();
        var merged = c.AsMerged(target, T0);
        merged.Status.Should().Be(ContactStatus.Merged);
        merged.MergedIntoId.Should().Be(target);
        merged.StatusChangedAt.Should().Be(T0);
        FluentActions.Invoking(() => c.AsMerged(c.Id, T0)).Should().Throw<ArgumentException>();
        c.AsErased(T0).Status.Should().Be(ContactStatus.Erased);
    }

    [Fact]
    public void CreateNew_RejectsInvalidInitialStageOrOrigin()
    {
        FluentActions.Invoking(() => Contact.CreateNew(Tenant, ContactId.New(), RecordOrigin.Api, LifecycleStage.Reactivated, T0)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => Contact.CreateNew(Tenant, ContactId.New(), (RecordOrigin)7, LifecycleStage.Lead, T0)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => Contact.CreateNew(default, ContactId.New(), RecordOrigin.Api, LifecycleStage.Lead, T0)).Should().Throw<ArgumentException>();
    }

    [Theory]
    [InlineData(nameof(Contact.Name))]
    [InlineData(nameof(Contact.Emails))]
    [InlineData(nameof(Contact.PhoneNumbers))]
    [InlineData(nameof(Contact.Birthday))]
    [InlineData(nameof(Contact.Birthplace))]
    [InlineData(nameof(Contact.Attributes))]
    [InlineData(nameof(Contact.ConsentHistory))]
    public void PersonalFields_AreMarked(string property)
        => typeof(Contact).GetProperty(property)!.IsDefined(typeof(PersonalDataAttribute), inherit: false).Should().BeTrue();

    [Theory]
    [InlineData(nameof(Contact.Id))]
    [InlineData(nameof(Contact.TenantId))]
    [InlineData(nameof(Contact.Stage))]
    [InlineData(nameof(Contact.CreatedAt))]
    public void NonPersonalFields_AreNotMarked(string property)
        => typeof(Contact).GetProperty(property)!.IsDefined(typeof(PersonalDataAttribute), inherit: false).Should().BeFalse();
}
