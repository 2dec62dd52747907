using System.Runtime.CompilerServices;
using Crm.Interactions.Storage;
using Crm.Metrics;
using Crm.Metrics.Retention;
using Crm.Storage;

namespace Crm.Interactions.Metrics;

/// <summary>Streams a tenant's purchases and contract periods, in order, as the plain inputs Crm.Metrics calculators consume — one store page at a time, never the whole history in memory.</summary>
/// <remarks>
/// <para>Purchases come in (<see cref="Purchases.Purchase.OccurredAt"/>, id) order, contracts in (start, id) order, the
/// orders the store's keyset pages follow. Memory is bounded by the page size.</para>
/// <para>Crm.Metrics computes in one currency: <see cref="StreamPurchasesAsync"/> yields only the purchases in the
/// currency asked for, each net of its refunds (amount − refunded; a fully refunded purchase yields 0 so repeat-purchase
/// counts still see the order). Contracts yield their planned end while active and their actual end once ended or
/// cancelled; a contract that ended the instant it started is skipped (Crm.Metrics needs an end after the start).</para>
/// </remarks>
public sealed class InteractionMetricsSource
{
    /// <summary>The page size used when none is given.</summary>
    public const int DefaultPageSize = 500;

    private readonly IInteractionStore _store;

    /// <summary>Creates the source.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="store"/> is null.</exception>
    public InteractionMetricsSource(IInteractionStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
    }

    /// <summary>The tenant's purchases in <paramref name="currency"/>, oldest first, net of refunds.</summary>
    /// <exception cref="ArgumentException">The tenant or currency is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pageSize"/> is not between 1 and <see cref="PageRequest.MaxPageSize"/>.</exception>
    public IAsyncEnumerable<Purchase<ContactId>> StreamPurchasesAsync(TenantId tenantId, CurrencyCode currency, int pageSize = DefaultPageSize, CancellationToken cancellationToken = default)
    {
        TenantId.ThrowIfEmpty(tenantId);
        if (currency.IsEmpty)
        {
            throw new ArgumentException("A currency is required: Crm.Metrics calculates in one currency.", nameof(currency));
        }

        var first = PageRequest.First(pageSize);
        return Stream(first, (page, ct) => _store.ListPurchasesAsync(tenantId, page, ct), p => p.TenantId == tenantId && p.Amount.Currency == currency,
            p => new Purchase<ContactId>(p.ContactId, p.OccurredAt, p.RemainingAmount), cancellationToken);
    }

    /// <summary>The tenant's contract periods, by start.</summary>
    /// <exception cref="ArgumentException">The tenant is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pageSize"/> is not between 1 and <see cref="PageRequest.MaxPageSize"/>.</exception>
    public IAsyncEnumerable<CustomerContract<ContactId>> StreamContractsAsync(TenantId tenantId, int pageSize = DefaultPageSize, CancellationToken cancellationToken = default)
    {
        TenantId.ThrowIfEmpty(tenantId);
        var first = PageRequest.First(pageSize);
        return Stream(first, (page, ct) => _store.ListContractsAsync(tenantId, page, ct), c => c.TenantId == tenantId && c.End != c.Start,
            c => new CustomerContract<ContactId>(c.ContactId, c.Start, c.End), cancellationToken);
    }

    private static async IAsyncEnumerable<TOut> Stream<TIn, TOut>(
        PageRequest first, Func<PageRequest, CancellationToken, ValueTask<Page<TIn>>> read, Func<TIn, bool> keep, Func<TIn, TOut> map,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var request = first;
        while (true)
        {
            var page = await read(request, cancellationToken).ConfigureAwait(false);
            foreach (var item in page.Items)
            {
                if (keep(item))
                {
                    yield return map(item);
                }
            }

            if (page.NextCursor is not { } next)
            {
                yield break;
            }

            request = PageRequest.After(next, first.Size);
        }
    }
}
