using Crm.Interactions.Purchases;
using Crm.Interactions.Tests.TestSupport;
using Crm.Metrics;
using NodaTime;

namespace Crm.Interactions.Tests.Metrics;

public sealed class InteractionMetricsSourceTests
{
    private readonly Harness _h = new();

    [Fact]
    public async Task StreamPurchasesAsync_YieldsOneCurrencyInOrderNetOfRefunds_AcrossPages()
    {
        var a = ContactId.New();
        var b = ContactId.New();
        var t0 = _h.Now - Duration.FromDays(50);
        var expected = new List<Purchase<ContactId>>();
        for (var i = 9; i >= 0; i--)
        {
            // recorded newest first, streamed oldest first
            var who = i % 2 == 0 ? a : b;
            var p = await _h.Purchases.RecordPurchaseAsync(Harness.Tenant, new PurchaseDraft { ContactId = who, Amount = Harness.Eur(10m + i), OccurredAt = t0 + Duration.FromDays(i) });
            if (i == 3)
            {
                await _h.Purchases.RefundAsync(Harness.Tenant, p.Id, 5m);
            }

            expected.Insert(0, new Purchase<ContactId>(who, t0 + Duration.FromDays(i), i == 3 ? 8m : 10m + i));
        }

        await _h.Purchases.RecordPurchaseAsync(Harness.Tenant, new PurchaseDraft { ContactId = a, Amount = new Money(99m, new CurrencyCode("USD")), OccurredAt = t0 });

        var streamed = new List<Purchase<ContactId>>();
        await foreach (var p in _h.Metrics.StreamPurchasesAsync(Harness.Tenant, new CurrencyCode("EUR"), pageSize: 3))
        {
            streamed.Add(p);
        }

        streamed.Should().Equal(expected);
    }

    [Fact]
    public async Task StreamContractsAsync_YieldsPeriodsByStart()
    {
        var c = ContactId.New();
        var t0 = _h.Now - Duration.FromDays(400);
        var later = await _h.Purchases.RecordContractAsync(Harness.Tenant, new ContractDraft { ContactId = c, Start = t0 + Duration.FromDays(10) });
        await _h.Purchases.RecordContractAsync(Harness.Tenant, new ContractDraft { ContactId = c, Start = t0, End = t0 + Duration.FromDays(365) });
        await _h.Purchases.EndContractAsync(Harness.Tenant, later.Id, endedAt: t0 + Duration.FromDays(20));

        var streamed = new List<Crm.Metrics.Retention.CustomerContract<ContactId>>();
        await foreach (var contract in _h.Metrics.StreamContractsAsync(Harness.Tenant, pageSize: 1))
        {
            streamed.Add(contract);
        }

        streamed.Should().Equal(
            new Crm.Metrics.Retention.CustomerContract<ContactId>(c, t0, t0 + Duration.FromDays(365)),
            new Crm.Metrics.Retention.CustomerContract<ContactId>(c, t0 + Duration.FromDays(10), t0 + Duration.FromDays(20)));
    }
}
