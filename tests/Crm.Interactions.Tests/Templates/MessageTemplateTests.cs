using Crm.Interactions.Support;
using Crm.Interactions.Templates;
using Crm.Interactions.Tests.TestSupport;

namespace Crm.Interactions.Tests.Templates;

public sealed class MessageTemplateTests
{
    private static readonly TemplateContact Ada = new(givenName: "Ada", familyName: "Lovelace", email: "ada@example.com");
    private static readonly TemplateCase ParcelCase = new("Case-6548", "Parcel missing", CaseStatus.Open, CasePriority.High, "delivery");

    [Fact]
    public void Render_FillsContactAndCasePlaceholders()
    {
        var template = MessageTemplate.Parse(
            "ack", MessageFormat.PlainText, "[{{ case.tracking_code }}] {{ case.subject }}",
            "Dear {{ contact.given_name }} {{ contact.family_name }}, case {{ case.tracking_code }} ({{ case.priority }}, {{ case.status }}, {{ case.category }}) reached us.");

        var message = template.Render(Ada, ParcelCase);

        message.Subject.Should().Be("[Case-6548] Parcel missing");
        message.Body.Should().Be("Dear Ada Lovelace, case Case-6548 (High, Open, delivery) reached us.");
        message.TemplateName.Should().Be("ack");
    }

    [Theory]
    [InlineData("{{ contact.Emails }}")]
    [InlineData("{{ contact.GivenName }}")]
    [InlineData("{{ contact.GetType }}")]
    [InlineData("{{ case.GetType }}")]
    [InlineData("{{ case.GetType.Assembly }}")]
    [InlineData("{{ case.TrackingCode }}")]
    [InlineData("{{ case.priority.Value }}")]
    [InlineData("{{ case.tracking_code.Length }}")]
    [InlineData("{{ contact.email.GetType.FullName }}")]
    [InlineData("{{ case.ToString }}")]
    [InlineData("{% for m in case %}{{ m }}{% endfor %}")]
    public void Render_AMemberThatWasNotGiven_RendersNothing(string reach)
    {
        var template = MessageTemplate.Parse("probe", MessageFormat.PlainText, null, "<" + reach + ">");

        template.Render(Ada, ParcelCase).Body.Should().Be("<>");
    }

    [Theory]
    [InlineData("{{ contact | json }}")]
    [InlineData("{{ case | json }}")]
    [InlineData("{{ contact }}")]
    [InlineData("{{ case | inspect }}")]
    public void Render_AWholeObject_ShowsNoMemberByItsDotNetName(string probe)
    {
        var template = MessageTemplate.Parse("probe", MessageFormat.PlainText, null, probe);

        var body = template.Render(Ada, ParcelCase).Body;

        body.Should().NotContainAny("GivenName", "FamilyName", "TrackingCode", "Priority", "Crm.Interactions", "None");
    }

    [Theory]
    [InlineData("{% include 'secrets' %}")]
    [InlineData("{% render '/etc/passwd' %}")]
    public void Parse_FileIncludes_AreRefused(string include)
    {
        var parse = () => MessageTemplate.Parse("probe", MessageFormat.PlainText, null, "<" + include + ">");

        parse.Should().Throw<TemplateSyntaxException>().Which.Part.Should().Be("body");
    }

    [Fact]
    public void Render_HtmlInjectionInAName_IsEncodedInHtmlAndLeftAsTextInPlain()
    {
        var mallory = new TemplateContact(givenName: "<script>alert('x')</script> & Zoë");
        const string Body = "<p>Dear {{ contact.given_name }},</p>";

        var html = MessageTemplate.Parse("t", MessageFormat.Html, "Hi {{ contact.given_name }}", Body).Render(mallory);
        var plain = MessageTemplate.Parse("t", MessageFormat.PlainText, null, Body).Render(mallory);

        html.Body.Should().Be("<p>Dear &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; Zoë,</p>");
        html.Subject.Should().Be("Hi <script>alert('x')</script> & Zoë", "a subject is a mail header, not HTML");
        plain.Body.Should().Be("<p>Dear <script>alert('x')</script> & Zoë,</p>");
    }

    [Fact]
    public void Render_MissingValue_GetsTheConfiguredFallback()
    {
        var template = MessageTemplate.Parse(
            "t", MessageFormat.PlainText, null, "Dear {{ contact.given_name }}, re {{ case.tracking_code }}",
            new Dictionary<string, string> { ["contact.given_name"] = "customer", ["case.tracking_code"] = "your request" });

        template.Render(new TemplateContact(givenName: "   ")).Body.Should().Be("Dear customer, re your request");
        template.Render(null).Body.Should().Be("Dear customer, re your request");
        template.Render(Ada, ParcelCase).Body.Should().Be("Dear Ada, re Case-6548");
    }

    [Fact]
    public void Render_MissingValue_GetsTheDefaultFilter()
    {
        var template = MessageTemplate.Parse("t", MessageFormat.PlainText, null, "Dear {{ contact.given_name | default: \"friend\" }},");

        template.Render(TemplateContact.None).Body.Should().Be("Dear friend,");
        template.Render(Ada).Body.Should().Be("Dear Ada,");
    }

    [Fact]
    public void Parse_SyntaxError_NamesTemplatePartAndPosition()
    {
        var parse = () => MessageTemplate.Parse("welcome", MessageFormat.PlainText, "Hello", "Dear {{ contact.given_name ,\nthanks");

        var error = parse.Should().Throw<TemplateSyntaxException>().Which;
        error.TemplateName.Should().Be("welcome");
        error.Part.Should().Be("body");
        error.ParamName.Should().Be("body");
        error.Message.Should().Contain("welcome").And.Contain("body").And.MatchRegex(@"\(1:\d+\)");
    }

    [Fact]
    public void Parse_UnclosedTagInSubject_IsReported()
    {
        var parse = () => MessageTemplate.Parse("t", MessageFormat.PlainText, "{% if contact.given_name %}Hi", "x");

        parse.Should().Throw<TemplateSyntaxException>().Which.Part.Should().Be("subject");
    }

    [Fact]
    public void Parse_FallbackForAnUnknownPlaceholder_IsRefused()
    {
        var parse = () => MessageTemplate.Parse("t", MessageFormat.PlainText, null, "x", new Dictionary<string, string> { ["contact.password"] = "x" });

        parse.Should().Throw<ArgumentException>().WithParameterName("fallbacks");
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Parse_BlankNameOrBody_IsRefused(string blank)
    {
        FluentActions.Invoking(() => MessageTemplate.Parse(blank, MessageFormat.PlainText, null, "x")).Should().Throw<ArgumentException>().WithParameterName("name");
        FluentActions.Invoking(() => MessageTemplate.Parse("t", MessageFormat.PlainText, null, blank)).Should().Throw<ArgumentException>().WithParameterName("body");
    }

    [Fact]
    public void Render_ARunawayLoop_StopsAtTheStepLimit()
    {
        static MessageTemplate Loop(int iterations) => MessageTemplate.Parse(
            "loop", MessageFormat.PlainText, null, "{% assign s = '" + new string('a', iterations) + "' | split: '' %}{% for a in s %}x{% endfor %}");

        Loop(MessageTemplate.MaxSteps / 2).Render(Ada).Body.Should().HaveLength(MessageTemplate.MaxSteps / 2);
        FluentActions.Invoking(() => Loop(MessageTemplate.MaxSteps * 2).Render(Ada))
            .Should().Throw<InvalidOperationException>().Which.Message.Should().Contain("'loop'").And.Contain("10000 statements");
    }

    [Theory]
    [InlineData("{% for i in (1..2000000000) %}x{% endfor %}")]
    [InlineData("{% assign n = 5 %}{{ (1..n) | size }}")]
    public void Parse_ARange_IsRefused(string body)
    {
        var parse = () => MessageTemplate.Parse("t", MessageFormat.PlainText, null, body);

        parse.Should().Throw<TemplateSyntaxException>().Which.Error.Should().Contain("ranges");
    }

    [Fact]
    public async Task TemplateCase_From_CopiesTheCasesFields()
    {
        var h = new Harness();
        var opened = await h.Cases.OpenAsync(Harness.Tenant, new CaseDraft { ContactId = ContactId.New(), Subject = "Parcel missing", Category = "delivery" });

        var values = TemplateCase.From(opened);

        (values.TrackingCode, values.Subject, values.Status, values.Priority, values.Category)
            .Should().Be(("Case-1", "Parcel missing", CaseStatus.Open, CasePriority.Normal, "delivery"));
    }
}
