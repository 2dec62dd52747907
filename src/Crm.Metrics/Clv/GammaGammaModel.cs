using System.Globalization;
using MathNet.Numerics;

namespace Crm.Metrics.Clv;

/// <summary>The Gamma-Gamma model of the mean value of a customer's transactions, used with BG/NBD or Pareto/NBD for CLV.</summary>
/// <remarks>
/// <para>
/// Source: Fader, Hardie &amp; Lee (2005), "RFM and CLV: Using Iso-Value Curves for Customer Base Analysis", <em>Journal of
/// Marketing Research</em> 42(4), 415–430, and Fader &amp; Hardie (2013), "The Gamma-Gamma Model of Monetary Value". A
/// customer's transaction values are Gamma(p, ν) with ν ~ Gamma(q, γ) across customers; spend is assumed independent of
/// the purchase process (check the correlation of x and m̄ before relying on it).
/// </para>
/// <para>
/// Density of the mean m̄ of x transactions: Γ(px+q)/(Γ(px)Γ(q)) · γ^q m̄^(px−1) x^(px) / (γ + m̄x)^(px+q).
/// Money is read from <see cref="decimal"/> and the model works in <see cref="double"/>: its outputs are statistical
/// expectations, returned as <see cref="MetricValue"/> with an explicit undefined state.
/// </para>
/// </remarks>
public sealed class GammaGammaModel
{
    /// <summary>Creates a model from known parameters.</summary>
    /// <param name="p">Shape of the gamma distribution of a customer's transaction values.</param>
    /// <param name="q">Shape of the gamma distribution of the customers' scale ν.</param>
    /// <param name="gamma">Scale γ of the gamma distribution of ν, in the currency's units.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is not a positive finite number; the message names it.</exception>
    public GammaGammaModel(double p, double q, double gamma)
    {
        P = Numerics.Positive(p, nameof(p));
        Q = Numerics.Positive(q, nameof(q));
        Gamma = Numerics.Positive(gamma, nameof(gamma));
    }

    /// <summary>p: shape of a customer's transaction values.</summary>
    public double P { get; }

    /// <summary>q: shape of the distribution of ν across customers.</summary>
    public double Q { get; }

    /// <summary>γ: scale of the distribution of ν across customers.</summary>
    public double Gamma { get; }

    /// <summary>The population mean transaction value pγ/(q − 1), undefined (infinite) when q ≤ 1.</summary>
    public MetricValue ExpectedAverageSpend
        => Q > 1 ? MetricValue.Of(P * Gamma / (Q - 1)) : MetricValue.Undefined("q ≤ 1: the population mean transaction value is infinite under this model.");

    /// <summary>Fits the model by maximum likelihood to the customers with a repeat purchase and a positive mean repeat spend.</summary>
    /// <remarks>
    /// Customers with x = 0 (no repeat transaction to average) are left out and counted in <see cref="GammaGammaFit.OneTimeBuyers"/>;
    /// customers with x &gt; 0 but m̄ = 0 (outside the gamma's support) are left out and counted in <see cref="GammaGammaFit.ZeroSpendRepeatBuyers"/>. Newton's method in a trust region with the exact gradient and Hessian
    /// (see <see cref="FitDiagnostics"/>) from p = 1, q = 1, γ = mean m̄, moving to four further starts only if it fails;
    /// customers with the same (x, m̄) are evaluated once with a weight.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="histories"/> is null.</exception>
    /// <exception cref="ArgumentException">No history has x &gt; 0 and m̄ &gt; 0: there is nothing to fit.</exception>
    public static GammaGammaFit Fit(IEnumerable<SpendHistory> histories)
    {
        ArgumentNullException.ThrowIfNull(histories);
        var (x, m, oneTime, zeroSpend) = Split(histories);
        if (x.Length == 0)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"A Gamma-Gamma fit needs at least one customer with a repeat purchase and a positive mean repeat spend ({oneTime} one-time buyers and {zeroSpend} repeat buyers with a zero mean repeat spend were left out)."),
                nameof(histories));
        }

        var mean = m.Average();
        double[][] starts = [[1, 1, mean], [1, 1, 1], [5, 3, mean], [2, 2, mean / 2], [10, 10, mean * 5]];
        var (p, logLikelihood, diagnostics) = TrustRegionNewton.Maximize(new GammaGammaLikelihood(x, m), starts, ["p", "q", "gamma"]);
        return new GammaGammaFit(new GammaGammaModel(p[0], p[1], p[2]), x.Length, oneTime, zeroSpend, logLikelihood, diagnostics);
    }

    /// <summary>The log-likelihood of the mean spends of the customers with x &gt; 0 and m̄ &gt; 0 (the others are skipped, as in <see cref="Fit"/>).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="histories"/> is null.</exception>
    public double LogLikelihood(IEnumerable<SpendHistory> histories)
    {
        ArgumentNullException.ThrowIfNull(histories);
        var (x, m, _, _) = Split(histories);
        return LogLikelihood(P, Q, Gamma, x, m);
    }

    /// <summary>E[M | p, q, γ, m̄, x]: the expected mean transaction value of a customer with this spend history.</summary>
    /// <remarks>
    /// (γ + m̄x)·p / (px + q − 1) = (q − 1)/(px + q − 1) · pγ/(q − 1) + px/(px + q − 1) · m̄, a weighted average of the population
    /// mean and the customer's own mean. With x = 0 it is the population mean <see cref="ExpectedAverageSpend"/>. Undefined
    /// when px + q ≤ 1 (the expectation is infinite).
    /// </remarks>
    public MetricValue ConditionalExpectedAverageSpend(SpendHistory history)
    {
        var x = history.Frequency;
        var denominator = (P * x) + Q - 1;
        if (denominator <= 0)
        {
            return MetricValue.Undefined("px + q ≤ 1: the expected transaction value is infinite under this model.");
        }

        return MetricValue.Of((Gamma + ((double)history.AverageSpend * x)) * P / denominator);
    }

    /// <summary>The parameters as "Gamma-Gamma(p = …, q = …, γ = …)".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Gamma-Gamma(p = {P:G6}, q = {Q:G6}, γ = {Gamma:G6})");

    private static double LogLikelihood(double p, double q, double gamma, int[] x, double[] m)
        => new GammaGammaLikelihood(x, m).Evaluate([p, q, gamma], new double[3], null);

    private static (int[] X, double[] M, int OneTime, int ZeroSpend) Split(IEnumerable<SpendHistory> histories)
    {
        var x = new List<int>();
        var m = new List<double>();
        int oneTime = 0, zeroSpend = 0;
        foreach (var h in histories)
        {
            if (h.Frequency == 0)
            {
                oneTime++;
            }
            else if (h.AverageSpend == 0)
            {
                zeroSpend++;
            }
            else
            {
                x.Add(h.Frequency);
                m.Add((double)h.AverageSpend);
            }
        }

        return ([.. x], [.. m], oneTime, zeroSpend);
    }
}
