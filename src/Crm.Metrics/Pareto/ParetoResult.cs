namespace Crm.Metrics.Pareto;

/// <summary>Customers ranked by their total, to ask how concentrated revenue (or margin) is: the 80/20 questions.</summary>
/// <typeparam name="TCustomer">The host's customer key.</typeparam>
/// <remarks>
/// The ranking is deterministic: larger totals first, equal totals in the customer order of the accumulator, so the
/// answers do not depend on input order. The "80/20 rule" is the Pareto principle as popularised in management texts
/// (after Juran, named after Vilfredo Pareto's observations on income); it is a rule of thumb, not a law, and
/// <see cref="TopShare"/> measures how far a customer base is from it.
/// </remarks>
public sealed class ParetoResult<TCustomer>
    where TCustomer : notnull
{
    private readonly CustomerAmount<TCustomer>[] _ranked;
    private readonly decimal[] _cumulative;

    internal ParetoResult(CustomerAmount<TCustomer>[] ranked, PurchaseCounts counts)
    {
        _ranked = ranked;
        Counts = counts;
        _cumulative = new decimal[ranked.Length];
        decimal running = 0;
        for (var i = 0; i < ranked.Length; i++)
        {
            running += ranked[i].Amount;
            _cumulative[i] = running;
        }

        TotalAmount = running;
        UndefinedReason = ranked.Length == 0 ? "no customers"
            : running <= 0 ? $"the total is not positive ({running}): shares of it are meaningless"
            : null;
    }

    /// <summary>All customers, largest total first.</summary>
    public IReadOnlyList<CustomerAmount<TCustomer>> Ranked => _ranked;

    /// <summary>How many customers were seen.</summary>
    public int Customers => _ranked.Length;

    /// <summary>Every purchase read: the ones summed and the ones skipped outside the window.</summary>
    public PurchaseCounts Counts { get; }

    /// <summary>The total over all customers.</summary>
    public decimal TotalAmount { get; }

    /// <summary>Whether shares are defined: there is a customer and the total is positive.</summary>
    public bool IsDefined => UndefinedReason is null;

    /// <summary>Why shares are undefined, or <see langword="null"/> when they are defined.</summary>
    public string? UndefinedReason { get; }

    /// <summary>The share of the total brought by the top <paramref name="topFraction"/> of customers (⌈fraction × customers⌉ of them).</summary>
    /// <param name="topFraction">The share of customers asked about, a fraction in (0, 1]: 0.2 for the top 20 %.</param>
    /// <remarks>On the CDNOW sample (2,357 customers, revenue = all purchases), the top 20 % is 472 customers with 0.67455 of revenue.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="topFraction"/> is not in (0, 1].</exception>
    public ParetoShare TopShare(double topFraction = 0.2)
    {
        CheckFraction(topFraction, nameof(topFraction));
        var n = _ranked.Length;
        var top = (long)Math.Ceiling((decimal)topFraction * n);
        var amount = top == 0 ? 0 : _cumulative[top - 1];
        var share = IsDefined ? MetricValue.Of((double)(amount / TotalAmount)) : MetricValue.Undefined(UndefinedReason!);
        return new ParetoShare(topFraction, n, top, amount, TotalAmount, share);
    }

    /// <summary>The fewest customers, largest first, whose totals reach <paramref name="amountFraction"/> of the total.</summary>
    /// <param name="amountFraction">The share of the total asked about, a fraction in (0, 1]: 0.8 for 80 %.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amountFraction"/> is not in (0, 1].</exception>
    public ParetoConcentration CustomersForShare(double amountFraction = 0.8)
    {
        CheckFraction(amountFraction, nameof(amountFraction));
        var n = _ranked.Length;
        if (!IsDefined)
        {
            return new ParetoConcentration(amountFraction, n, 0, 0, TotalAmount, MetricValue.Undefined(UndefinedReason!));
        }

        // Smallest k with cumulative[k − 1] ≥ Y × total, compared exactly in decimal.
        var target = (decimal)amountFraction * TotalAmount;
        var k = 0;
        while (k < n && _cumulative[k] < target)
        {
            k++;
        }

        k = Math.Min(k + 1, n);
        return new ParetoConcentration(amountFraction, n, k, _cumulative[k - 1], TotalAmount, MetricValue.Of((double)k / n));
    }

    /// <summary>The <paramref name="count"/> customers with the largest totals (fewer if there are fewer customers).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public IReadOnlyList<CustomerAmount<TCustomer>> Top(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return _ranked[..Math.Min(count, _ranked.Length)];
    }

    private static void CheckFraction(double value, string name)
    {
        if (!(value > 0 && value <= 1))
        {
            throw new ArgumentOutOfRangeException(name, value, $"The share must be a fraction greater than 0 and at most 1, e.g. 0.2 for 20 % (was {value}).");
        }
    }
}
