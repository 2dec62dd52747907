using Crm.Contacts.Attributes;
using Crm.Contacts.Duplicates;
using Crm.Contacts.Profile;
using Crm.Contacts.Tests.TestSupport;

namespace Crm.Contacts.Tests.Duplicates;

public sealed class DuplicateKeysTests
{
    [Theory]
    [InlineData("  José-María  O'Neil", "jose maria o neil")]
    [InlineData("JOSÉ MARÍA O’NEIL", "jose maria o neil")]
    [InlineData("Straße", "strasse")]
    [InlineData("Søren Kierkegaard", "soren kierkegaard")]
    [InlineData("Łukasz", "lukasz")]
    [InlineData("Ｊｏｈｎ", "john")]
    [InlineData("Nguyễn Văn An", "nguyen van an")]
    [InlineData("山田 太郎", "山田 太郎")]
    public void NormalizeText_FoldsCaseDiacriticsAndPunctuation(string input, string expected)
        => DuplicateKeys.NormalizeText(input).Should().Be(expected);

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    [InlineData("-- ' .")]
    public void NormalizeText_NothingComparable_IsNull(string? input)
        => DuplicateKeys.NormalizeText(input).Should().BeNull();

    [Fact]
    public async Task For_Contact_GivesNormalizedKeysOfEveryCriterion()
    {
        var h = new DuplicatesHarness();
        var contact = await h.Manager.CreateAsync(DuplicatesHarness.Tenant, new ContactDraft
        {
            Name = new PersonName("Ann Lée", "Ann", "Lée"),
            Emails = ["Ann.Lee@Example.COM", "ann@work.example.org"],
            PhoneNumbers = ["020 7946 0018 ext. 12"],
            Birthday = new Birthday(3, 14, 1990),
            Attributes = new Dictionary<string, CustomAttributeValue>
            {
                ["CustomerNo"] = CustomAttributeValue.Text(" AB-12 "),
                ["size"] = CustomAttributeValue.Number(38),
            },
        });

        var keys = DuplicateKeys.For(contact).Select(k => (k.Criterion.Name, k.Value)).ToList();

        keys.Should().BeEquivalentTo(new[]
        {
            ("GivenName", "ann"),
            ("FamilyName", "lee"),
            ("DisplayName", "ann lee"),
            ("Email", "ann.lee@example.com"),
            ("Email", "ann@work.example.org"),
            ("Phone", "+442079460018;ext=12"),
            ("Birthday", "1990-03-14"),
            ("Attribute:customerno", "ab 12"),
            ("Attribute:size", "Number:38"),
        });
    }

    [Fact]
    public async Task For_ContactWithoutValues_GivesNoKeys()
    {
        var h = new DuplicatesHarness();
        var contact = await h.Manager.CreateAsync(DuplicatesHarness.Tenant, new ContactDraft());
        DuplicateKeys.For(contact).Should().BeEmpty();
        DuplicateKeys.For(contact, DuplicateCriterion.Attribute("missing")).Should().BeEmpty();
    }

    [Fact]
    public void For_NullArguments_Throw()
    {
        var act = () => DuplicateKeys.For(null!);
        act.Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void DuplicateKey_ToString_LeavesTheValueOut()
    {
        var key = new DuplicateKey(DuplicateCriterion.Email, "ann@example.com");
        key.ToString().Should().Be("Email key");
        key.Should().Be(new DuplicateKey(DuplicateCriterion.Email, "ann@example.com"));
        key.Should().NotBe(new DuplicateKey(DuplicateCriterion.Phone, "ann@example.com"));
        default(DuplicateKey).IsEmpty.Should().BeTrue();
    }

    [Fact]
    public void DuplicateKey_EmptyValue_Throws()
    {
        var act = () => new DuplicateKey(DuplicateCriterion.Email, "");
        act.Should().Throw<ArgumentException>();
        var nullCriterion = () => new DuplicateKey(null!, "x");
        nullCriterion.Should().Throw<ArgumentNullException>();
    }
}
