using Crm.Contacts.Events;
using Crm.Contacts.InMemory;
using Crm.Contacts.Privacy;
using Crm.Contacts.Tests.TestSupport;
using Crm.Events;
using Crm.Privacy;
using Microsoft.Extensions.Logging.Testing;
using NodaTime.Testing;
using NodaTime;

namespace Crm.Contacts.Tests.Privacy;

/// <summary>Construction rules of <see cref="PersonalDataManager"/> and the small result types.</summary>
public sealed class PersonalDataManagerTests
{
    private static readonly FakeClock Clock = new(Instant.FromUtc(2025, 1, 1, 0, 0));

    private static readonly InMemoryContactStore Store = new();

    private static ContactPersonalDataContributor ContactsContributor() => new(new InMemoryContactStore(), Clock);

    private static PersonalDataManager Create(params IPersonalDataContributor[] contributors)
        => new(contributors, Clock, Store, new Crm.Testing.SequentialEventIdGenerator(), new FakeLogger<PersonalDataManager>());

    [Fact]
    public void ContactsContributor_RunsFirst_WhateverTheRegistrationOrder()
        => Create(new RecordingContributor("shop"), ContactsContributor(), new RecordingContributor("loyalty"))
            .ContributorNames.Should().Equal("contacts", "shop", "loyalty");

    [Fact]
    public void WithoutTheContactsContributor_Throws()
        => FluentActions.Invoking(() => Create(new RecordingContributor("shop")))
            .Should().Throw<ArgumentException>().WithMessage("*Exactly one ContactPersonalDataContributor*found 0*");

    [Fact]
    public void WithTwoContactsContributors_Throws()
        => FluentActions.Invoking(() => new PersonalDataManager([ContactsContributor(), ContactsContributor()], Clock, Store, new Crm.Testing.SequentialEventIdGenerator(), new FakeLogger<PersonalDataManager>()))
            .Should().Throw<ArgumentException>().WithMessage("*used by more than one contributor*");

    [Theory]
    [InlineData("shop")]
    [InlineData("sHOP")]
    public void ANameUsedTwice_IgnoringCase_Throws(string second)
        => FluentActions.Invoking(() => Create(ContactsContributor(), new RecordingContributor("shop"), new RecordingContributor(second)))
            .Should().Throw<ArgumentException>().WithMessage($"*'{second}' is used by more than one contributor*");

    [Theory]
    [InlineData("")]
    [InlineData("Loyalty")]
    [InlineData("1shop")]
    [InlineData("my shop")]
    [InlineData("shop/orders")]
    [InlineData("ßhop")]
    public void AContributorNameBreakingTheRule_Throws(string name)
        => FluentActions.Invoking(() => Create(ContactsContributor(), new RecordingContributor(name)))
            .Should().Throw<ArgumentException>().WithMessage("*must be 1–64 ASCII letters, digits, '-', '_' or '.', starting with a lower-case letter*")
            .Which.ParamName.Should().Be("contributors");

    [Fact]
    public void AContributorNameOfMaximumLength_IsAccepted_AndOneLonger_Throws()
    {
        Create(ContactsContributor(), new RecordingContributor(new string('a', PersonalDataManager.MaxContributorNameLength)))
            .ContributorNames.Should().HaveCount(2);
        FluentActions.Invoking(() => Create(ContactsContributor(), new RecordingContributor(new string('a', PersonalDataManager.MaxContributorNameLength + 1))))
            .Should().Throw<ArgumentException>();
    }

    [Fact]
    public void NullArguments_Throw()
    {
        var contributors = new IPersonalDataContributor[] { ContactsContributor() };
        FluentActions.Invoking(() => new PersonalDataManager(null!, Clock, Store, new Crm.Testing.SequentialEventIdGenerator(), new FakeLogger<PersonalDataManager>())).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => new PersonalDataManager(contributors, null!, Store, new Crm.Testing.SequentialEventIdGenerator(), new FakeLogger<PersonalDataManager>())).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => new PersonalDataManager(contributors, Clock, null!, new Crm.Testing.SequentialEventIdGenerator(), new FakeLogger<PersonalDataManager>())).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => new PersonalDataManager(contributors, Clock, Store, null!, new FakeLogger<PersonalDataManager>())).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => new PersonalDataManager(contributors, Clock, Store, new Crm.Testing.SequentialEventIdGenerator(), null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => Create(ContactsContributor(), null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => new ContactPersonalDataContributor(null!, Clock)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => new ContactPersonalDataContributor(new InMemoryContactStore(), null!)).Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void ContactsContributor_IsNamedContacts()
        => ContactsContributor().Name.Should().Be(ContactPersonalDataContributor.SectionName).And.Be("contacts");

    [Fact]
    public void EraseResult_KeepsItsItems_AndNothingIsEmpty()
    {
        new PersonalDataEraseResult(["a", "orders.shippingAddress"]).ErasedItems.Should().Equal("a", "orders.shippingAddress");
        PersonalDataEraseResult.Nothing.ErasedItems.Should().BeEmpty();
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("line\nbreak")]
    public void EraseResult_WithABadItem_Throws(string item)
        => FluentActions.Invoking(() => new PersonalDataEraseResult([item])).Should().Throw<ArgumentException>().WithMessage("*erased item name*");

    [Fact]
    public void EraseResult_WithATooLongItem_OrNull_Throws()
    {
        new PersonalDataEraseResult([new string('x', PersonalDataEraseResult.MaxItemLength)]).ErasedItems.Should().HaveCount(1);
        FluentActions.Invoking(() => new PersonalDataEraseResult([new string('x', PersonalDataEraseResult.MaxItemLength + 1)]))
            .Should().Throw<ArgumentException>().WithMessage("*at most 200 characters (was 201)*");
        FluentActions.Invoking(() => new PersonalDataEraseResult(null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => new PersonalDataEraseResult([null!])).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Events_RefuseEmptyIds()
    {
        var at = Instant.FromUtc(2025, 1, 1, 0, 0);
        FluentActions.Invoking(() => new PersonalDataExported(new TenantId("t"), at, default)).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => new PersonalDataExported(default, at, ContactId.New())).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => new PersonalDataErased(new TenantId("t"), at, default, false, true)).Should().Throw<ArgumentException>();
        new PersonalDataErased(new TenantId("t"), at, ContactId.New(), true, false).Should().BeAssignableTo<CrmEvent>()
            .Which.Should().Match<PersonalDataErased>(e => e.WasAlreadyErased && !e.IsComplete);
    }
}
