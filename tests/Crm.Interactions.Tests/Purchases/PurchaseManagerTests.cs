using Crm.Interactions.Events;
using Crm.Interactions.Purchases;
using Crm.Interactions.Tests.TestSupport;
using NodaTime;

namespace Crm.Interactions.Tests.Purchases;

public sealed class PurchaseManagerTests
{
    private readonly Harness _h = new();
    private readonly ContactId _contact = ContactId.New();

    private Task<Purchase> BuyAsync(decimal amount, string? key = null, string? order = "ORD-1")
        => _h.Purchases.RecordPurchaseAsync(Harness.Tenant, new PurchaseDraft
        {
            ContactId = _contact,
            Amount = Harness.Eur(amount),
            OrderReference = order,
            Lines = amount >= 0 ? [new PurchaseLine("SKU-1", "shoes", 1, amount)] : [],
            IdempotencyKey = key,
        });

    [Fact]
    public async Task RecordPurchaseAsync_StoresPurchaseTimelineEntryAndEvents()
    {
        var purchase = await BuyAsync(49.90m);

        (await _h.Purchases.FindPurchaseAsync(Harness.Tenant, purchase.Id)).Should().BeSameAs(purchase);
        var timeline = await _h.Interactions.GetTimelineAsync(Harness.Tenant, _contact);
        timeline.Items.Should().ContainSingle(i => i.Kind == InteractionKind.Purchase && i.Links.Purchase == purchase.Id && i.Links.OrderReference == "ORD-1");
        _h.Events<PurchaseRecorded>().Should().ContainSingle(e => e.PurchaseId == purchase.Id && e.Amount == 49.90m && e.Currency == "EUR");
    }

    [Fact]
    public async Task RecordPurchaseAsync_RedeliveredWebhook_RecordsOnce()
    {
        var first = await BuyAsync(10m, key: "order-webhook-77");
        var again = await BuyAsync(10m, key: "order-webhook-77");

        again.Id.Should().Be(first.Id);
        _h.Events<PurchaseRecorded>().Should().ContainSingle();
    }

    [Fact]
    public async Task RecordPurchaseAsync_NegativeAmount_IsRejectedAndChangesNothing()
    {
        var act = () => BuyAsync(-1m);

        await act.Should().ThrowAsync<ArgumentOutOfRangeException>().WithMessage("*must not be negative*");
        _h.Store.Outbox.Snapshot().Should().BeEmpty();
    }

    [Fact]
    public async Task RecordPurchaseAsync_WithoutCurrency_IsRejected()
    {
        var act = () => _h.Purchases.RecordPurchaseAsync(Harness.Tenant, new PurchaseDraft { ContactId = _contact });

        await act.Should().ThrowAsync<ArgumentException>().WithMessage("*currency*");
    }

    [Fact]
    public void CurrencyCode_UnknownCurrency_IsRejected()
    {
        var act = () => new CurrencyCode("EUX");

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public async Task RefundAsync_PartialThenRest_LeavesNothingAndLinksBoth()
    {
        var purchase = await BuyAsync(100m);

        var partial = await _h.Purchases.RefundAsync(Harness.Tenant, purchase.Id, 30m, "damaged box");
        var rest = await _h.Purchases.RefundAsync(Harness.Tenant, purchase.Id, 70m);

        partial.RemainingAmount.Should().Be(70m);
        rest.RemainingAmount.Should().Be(0m);
        rest.IsFullyRefunded.Should().BeTrue();
        rest.Refunds.Select(static r => r.Number).Should().Equal(1, 2);
        _h.Events<PurchaseRefunded>().Select(static e => e.RemainingAmount).Should().Equal(70m, 0m);
        (await _h.Interactions.GetTimelineAsync(Harness.Tenant, _contact)).Items.Count(static i => i.Kind == InteractionKind.Refund && i.Links.Purchase != null).Should().Be(2);
    }

    [Fact]
    public async Task RefundAsync_LargerThanWhatIsLeft_IsRejectedAndChangesNothing()
    {
        var purchase = await BuyAsync(100m);
        await _h.Purchases.RefundAsync(Harness.Tenant, purchase.Id, 60m);
        var events = _h.Store.Outbox.Snapshot().Count;

        var act = () => _h.Purchases.RefundAsync(Harness.Tenant, purchase.Id, 40.01m);

        (await act.Should().ThrowAsync<RefundExceedsRemainingException>()).Which.Remaining.Should().Be(40m);
        (await _h.Purchases.FindPurchaseAsync(Harness.Tenant, purchase.Id))!.RemainingAmount.Should().Be(40m);
        _h.Store.Outbox.Snapshot().Should().HaveCount(events);
    }

    [Fact]
    public async Task RefundAsync_ConcurrentRefunds_NeverExceedThePurchase()
    {
        var purchase = await BuyAsync(100m);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(async () =>
        {
            try
            {
                await _h.Purchases.RefundAsync(Harness.Tenant, purchase.Id, 30m);
                return true;
            }
            catch (RefundExceedsRemainingException)
            {
                return false;
            }
            catch (ConcurrencyConflictException)
            {
                return false;
            }
        })));

        var stored = await _h.Purchases.FindPurchaseAsync(Harness.Tenant, purchase.Id);
        stored!.RefundedAmount.Should().Be(30m * attempts.Count(static ok => ok));
        stored.RefundedAmount.Should().BeLessThanOrEqualTo(100m);
        attempts.Count(static ok => ok).Should().Be(3);
    }

    [Fact]
    public async Task RefundAsync_NotPositive_IsRejected()
    {
        var purchase = await BuyAsync(10m);

        var act = () => _h.Purchases.RefundAsync(Harness.Tenant, purchase.Id, 0m);

        await act.Should().ThrowAsync<ArgumentOutOfRangeException>();
    }

    [Fact]
    public async Task RefundAsync_UnknownPurchase_IsNotFound()
    {
        var act = () => _h.Purchases.RefundAsync(Harness.Tenant, PurchaseId.New(), 1m);

        await act.Should().ThrowAsync<RecordNotFoundException>();
    }

    [Fact]
    public async Task RefundAsync_PurchaseOfAnotherTenant_IsNotFound()
    {
        var purchase = await BuyAsync(10m);

        var act = () => _h.Purchases.RefundAsync(Harness.OtherTenant, purchase.Id, 1m);

        await act.Should().ThrowAsync<RecordNotFoundException>();
    }

    [Fact]
    public async Task Contract_EndsOrIsCancelledWithReason_Once()
    {
        var start = _h.Now - Duration.FromDays(100);
        var running = await _h.Purchases.RecordContractAsync(Harness.Tenant, new ContractDraft { ContactId = _contact, Plan = "Gold", Start = start });
        var other = await _h.Purchases.RecordContractAsync(Harness.Tenant, new ContractDraft { ContactId = _contact, Plan = "Silver", Start = start });

        var ended = await _h.Purchases.EndContractAsync(Harness.Tenant, running.Id);
        var cancelled = await _h.Purchases.EndContractAsync(Harness.Tenant, other.Id, cancellationReason: "moved abroad");
        var again = () => _h.Purchases.EndContractAsync(Harness.Tenant, other.Id);

        ended.Status.Should().Be(ContractStatus.Ended);
        ended.End.Should().NotBeNull();
        cancelled.Status.Should().Be(ContractStatus.Cancelled);
        cancelled.CancellationReason.Should().Be("moved abroad");
        await again.Should().ThrowAsync<ContractNotActiveException>();
        _h.Events<ContractChanged>().Select(static e => e.Status).Should().Equal(ContractStatus.Active, ContractStatus.Active, ContractStatus.Ended, ContractStatus.Cancelled);
    }

    [Fact]
    public async Task Contract_EndBeforeStart_IsRejected()
    {
        var act = () => _h.Purchases.RecordContractAsync(Harness.Tenant, new ContractDraft { ContactId = _contact, Start = _h.Now, End = _h.Now - Duration.FromDays(1) });

        await act.Should().ThrowAsync<ArgumentException>();
    }
}
