using Crm.Interactions.Feedback;
using Crm.Interactions.Purchases;
using Crm.Interactions.Support;
using Crm.Interactions.Tests.TestSupport;
using Crm.Privacy;

namespace Crm.Interactions.Tests.Privacy;

public sealed class InteractionsPersonalDataContributorTests
{
    private readonly Harness _h = new();
    private readonly ContactId _contact = ContactId.New();

    private async Task<(Purchase Purchase, SupportCase Case, FeedbackResponse Feedback)> RecordEverythingAsync()
    {
        await _h.Interactions.RecordAsync(Harness.Tenant, Harness.Call(_contact, summary: "Ada said her husband Bo handles returns"));
        var purchase = await _h.Purchases.RecordPurchaseAsync(Harness.Tenant, new PurchaseDraft { ContactId = _contact, Amount = Harness.Eur(80m), OrderReference = "ORD-9" });
        await _h.Purchases.RefundAsync(Harness.Tenant, purchase.Id, 20m, "Ada's parcel arrived wet");
        var contract = await _h.Purchases.RecordContractAsync(Harness.Tenant, new ContractDraft { ContactId = _contact, Start = _h.Now });
        await _h.Purchases.EndContractAsync(Harness.Tenant, contract.Id, cancellationReason: "Ada moved to Oslo");
        var supportCase = await _h.Cases.OpenAsync(Harness.Tenant, new CaseDraft { ContactId = _contact, Subject = "Ada's parcel" });
        var feedback = await _h.Feedback.RecordAsync(Harness.Tenant, new FeedbackDraft { ContactId = _contact, Survey = FeedbackSurvey.Nps, Score = 3, Comment = "Ada: never again" });
        return ((await _h.Purchases.FindPurchaseAsync(Harness.Tenant, purchase.Id))!, supportCase, feedback);
    }

    [Fact]
    public async Task ExportAsync_IncludesInteractionsCasesAndFeedback()
    {
        var (purchase, supportCase, feedback) = await RecordEverythingAsync();

        var export = (await _h.Privacy.ExportAsync(Harness.Tenant, _contact, CancellationToken.None))!.Value;

        export.GetProperty("version").GetInt32().Should().Be(1);
        export.GetProperty("timeline").GetArrayLength().Should().Be(7, "call, purchase, refund, contract start and cancellation, case opened, feedback");
        export.GetProperty("purchases")[0].GetProperty("id").GetString().Should().Be(purchase.Id.ToString());
        export.GetProperty("purchases")[0].GetProperty("refunds")[0].GetProperty("reason").GetString().Should().Contain("wet");
        export.GetProperty("cases")[0].GetProperty("trackingCode").GetString().Should().Be(supportCase.TrackingCode);
        export.GetProperty("feedback")[0].GetProperty("comment").GetString().Should().Be(feedback.Comment);
        export.GetProperty("contracts")[0].GetProperty("status").GetString().Should().Be("Cancelled");
    }

    [Fact]
    public async Task ExportAsync_ContactWithNothing_ReturnsNull()
    {
        (await _h.Privacy.ExportAsync(Harness.Tenant, ContactId.New(), CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task EraseAsync_RemovesFreeText_KeepsAmountsInstantsAndScores_AndIsIdempotent()
    {
        var (purchase, supportCase, feedback) = await RecordEverythingAsync();

        var result = await _h.Privacy.EraseAsync(Harness.Tenant, _contact, CancellationToken.None);
        var again = await _h.Privacy.EraseAsync(Harness.Tenant, _contact, CancellationToken.None);

        result.ErasedItems.Should().Contain(["interactions.summary", "cases.subject", "feedback.comment", "purchases.refunds.reason", "contracts.cancellationReason"]);
        again.Should().BeSameAs(PersonalDataEraseResult.Nothing);
        var export = (await _h.Privacy.ExportAsync(Harness.Tenant, _contact, CancellationToken.None))!.Value.GetRawText();
        export.Should().NotContain("Ada").And.NotContain("ORD-9");
        var kept = (await _h.Purchases.FindPurchaseAsync(Harness.Tenant, purchase.Id))!;
        (kept.Amount, kept.RefundedAmount, kept.OccurredAt).Should().Be((purchase.Amount, 20m, purchase.OccurredAt));
        (await _h.Cases.FindAsync(Harness.Tenant, supportCase.Id))!.TrackingCode.Should().Be(supportCase.TrackingCode);
        var scores = await _h.Feedback.ListAsync(Harness.Tenant, _contact);
        scores.Items.Should().ContainSingle(f => f.Score == feedback.Score && f.RespondedAt == feedback.RespondedAt && f.Comment == null);
    }
}
