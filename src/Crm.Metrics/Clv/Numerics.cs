using System.Globalization;

namespace Crm.Metrics.Clv;

/// <summary>Log-space helpers and the Gauss hypergeometric series the CLV models need.</summary>
/// <remarks>
/// MathNet.Numerics 5.0.0 has GammaLn, BetaLn and BetaRegularized (used as they are) but no usable 2F1: its
/// <c>SpecialFunctions.GeneralizedHypergeometric</c> takes the argument z as an <see cref="int"/>, so it cannot evaluate
/// 2F1 at 0 &lt; z &lt; 1. The series here are the ones Fader, Hardie and Lee use (term recursion
/// u_{k+1} = u_k (a+k)(b+k) z / ((c+k)(k+1))), after Euler's transformation
/// 2F1(a, b; c; z) = (1 − z)^(c−a−b) 2F1(c−a, c−b; c; z), which keeps the terms bounded when x is large; for the BG/NBD kernel
/// with a large r, after Pfaff's transformation as a mean over binomial weights (<see cref="BgNbdKernelBinomial"/>).
/// </remarks>
internal static class Numerics
{
    private const int MaxTerms = 10_000_000;
    private const int MaxBinomialTerms = 100_000_000;
    private const double Tolerance = 1e-16;

    /// <summary>log(e^a + e^b) without overflow.</summary>
    public static double LogSumExp(double a, double b)
    {
        if (double.IsNegativeInfinity(a))
        {
            return b;
        }

        if (double.IsNegativeInfinity(b))
        {
            return a;
        }

        var max = Math.Max(a, b);
        return max + Math.Log(1 + Math.Exp(-Math.Abs(a - b)));
    }

    /// <summary>log(1 − e^d) for d ≤ 0 (Mächler's split between expm1 and log1p); −∞ when d = 0.</summary>
    public static double Log1MinusExp(double d)
        => d > -0.6931471805599453 ? Math.Log(-ExpM1(d)) : Math.Log(1 - Math.Exp(d));

    /// <summary>e^x − 1, accurate near 0 (Kahan's correction of exp(x) − 1).</summary>
    public static double ExpM1(double x)
    {
        var u = Math.Exp(x);
        if (u == 1)
        {
            return x;
        }

        var um1 = u - 1;
        return um1 == -1 ? -1 : double.IsPositiveInfinity(u) ? u : um1 * x / Math.Log(u);
    }

    /// <summary>log(1 + x), accurate near 0 (Kahan's correction of log(1 + x)).</summary>
    public static double Log1P(double x)
    {
        var u = 1 + x;
        return u == 1 ? x : Math.Log(u) * x / (u - 1);
    }

    /// <summary>(1 − e^(−ε u)) / ε, continued by its limit u at ε = 0; ε may be negative.</summary>
    public static double OneMinusExpOverEpsilon(double epsilon, double u)
        => epsilon == 0 ? u : -ExpM1(-epsilon * u) / epsilon;

    /// <summary>log 2F1(a, b; a + 1; z) for 0 ≤ z &lt; 1 and a, b &gt; 0: the function in the Pareto/NBD likelihood; NaN when the series does not converge in 10⁷ terms.</summary>
    /// <remarks>
    /// Euler: 2F1(a, b; a+1; z) = (1 − z)^(1−b) Σ_k (a+1−b)_k / (a+1)_k z^k. Every term is positive and the ratio of
    /// consecutive terms, (a+1−b+k)/(a+1+k)·z, is below z, so the sum is bounded by 1/(1 − z) and the tail after a term u
    /// is below u·z/(1 − z).
    /// </remarks>
    public static double LogHyp2F1APlusOne(double a, double b, double z)
    {
        if (z == 0)
        {
            return 0;
        }

        var c = a + 1 - b;
        var sum = 1.0;
        var term = 1.0;
        for (var k = 0; k < MaxTerms; k++)
        {
            term *= (c + k) / (a + 1 + k) * z;
            sum += term;
            if (term * z / (1 - z) <= Tolerance * sum)
            {
                return ((1 - b) * Log1P(-z)) + Math.Log(sum);
            }
        }

        return double.NaN;
    }

    /// <summary>
    /// The BG/NBD expectation kernel: C · [1 − (1 − z)^ε · 2F1(A, ε; C; z)] / ε with ε = a − 1, A = a + b − 1 − r and
    /// C = a + b + x − 1, continued at ε = 0; NaN when the series does not converge in 10⁷ terms.
    /// </summary>
    /// <remarks>
    /// Writing (ε)_k = ε (ε+1)_{k−1} gives 2F1(A, ε; C; z) = 1 + ε S with S = Σ_{k≥1} (A)_k (ε+1)_{k−1} z^k / ((C)_k k!), so the
    /// kernel is C·(1 − (1 − z)^ε)/ε − (1 − z)^ε · C·S; the first part is −expm1(ε log(1 − z))/ε, which is stable for every ε,
    /// and C cancels the first factor of (C)_k, so C ≤ 0 (a + b &lt; 1 at x = 0) needs no special case.
    /// </remarks>
    public static double BgNbdKernel(double epsilon, double bigA, double bigC, double z)
    {
        if (z == 0)
        {
            return 0;
        }

        // A = a + b − 1 − r < 0 with |A|·z large (r large, e.g. r ≈ 10⁷ from a fit on a few customers): the terms below
        // alternate and grow like (|A| z)^k / k! before they shrink, so they cancel or overflow; the other Pfaff form has
        // only positive terms there.
        if (bigA < 0 && -bigA * z > 1)
        {
            var value = BgNbdKernelBinomial(epsilon, bigA, bigC, z);
            if (!double.IsNaN(value))
            {
                return value;
            }
        }

        var log1mz = Log1P(-z);
        var first = bigC * OneMinusExpOverEpsilon(epsilon, -log1mz);
        var term = bigA * z; // C·s_1 with C cancelled
        var sum = term;
        for (var k = 1; k < MaxTerms; k++)
        {
            term *= (bigA + k) * (epsilon + k) / ((bigC + k) * (k + 1)) * z;
            sum += term;
            var ratio = Math.Abs((bigA + k + 1) * (epsilon + k + 1) / ((bigC + k + 1) * (k + 2)) * z);
            if (ratio < 1 && Math.Abs(term) * ratio / (1 - ratio) <= Tolerance * (Math.Abs(sum) + Math.Abs(first)))
            {
                return first - (Math.Exp(epsilon * log1mz) * sum);
            }
        }

        return double.NaN;
    }

    /// <summary>
    /// <see cref="BgNbdKernel"/> for A &lt; 0 as a mean over a binomial-like distribution: C·(1 − (1 − z)^ε)/ε + (1 − z)^ε Σ_{k≥1} π_k f_k
    /// with π_k the binomial weights (−A choose k) z^k (1 − z)^(−A−k) and f_k = C·(1 − (C−ε)_k/(C)_k)/ε; NaN when it does
    /// not converge in 10⁸ terms (−A·z beyond about 10⁸) or diverges (z &gt; 1/2 with −A small).
    /// </summary>
    /// <remarks>
    /// Pfaff's transformation 2F1(A, ε; C; z) = (1 − z)^(−A) 2F1(A, C − ε; C; z/(z − 1)) and the binomial series of (1 − w)^(−A)
    /// give 1 − (1 − z)^ε 2F1(A, ε; C; z) = 1 − (1 − z)^ε + (1 − z)^ε Σ π_k (1 − (C−ε)_k/(C)_k). For k &lt; −A every π_k is
    /// positive and they sum to 1; f_k follows f_1 = 1, f_{k+1} = (f_k (C − ε + k) + C)/(C + k) with no division by ε and is
    /// positive (C − ε = b + x &gt; 0). The π_k are carried relative to a running power of ten, since π_0 = (1 − z)^(−A) underflows
    /// when −A is large; the sum needs about −A·z terms (where the weights peak) plus a few times their spread √(−A z (1 − z)).
    /// </remarks>
    public static double BgNbdKernelBinomial(double epsilon, double bigA, double bigC, double z)
    {
        var log1mz = Log1P(-z);
        var u = z / (1 - z);
        var first = bigC * OneMinusExpOverEpsilon(epsilon, -log1mz);
        var term = 1.0; // π_k / (π_0 · 2^(800 · rescales)); exact powers of two, counted, so the scale adds no rounding per step
        var rescales = 0;
        var f = 0.0;
        var sum = 0.0;
        for (var k = 0; k < MaxBinomialTerms; k++)
        {
            term *= (-bigA - k) / (k + 1) * u;
            f = k == 0 ? 1 : ((f * (bigC - epsilon + k)) + bigC) / (bigC + k);
            sum += term * f;
            if (Math.Abs(term) > 1e270)
            {
                term = Math.ScaleB(term, -800);
                sum = Math.ScaleB(sum, -800);
                rescales++;
            }

            var ratio = Math.Abs((-bigA - k - 1) / (k + 2) * u);
            if (k + 1 > -bigA && ratio >= 1)
            {
                return double.NaN; // past −A the weights alternate and grow like u^k when u ≥ 1: the series diverges
            }

            // f grows by at most (|ε| f + |C|)/(C + k) a step, far slower than the terms fall, hence the generous factor.
            if (ratio < 1 && Math.Abs(term) * (f + 1) * 2 * ratio / (1 - ratio) <= Tolerance * Math.Abs(sum))
            {
                var logScale = (-bigA * log1mz) + (rescales * 800 * Math.Log(2)); // log π_0 + the scale
                return sum > 0 ? first + Math.Exp((epsilon * log1mz) + logScale + Math.Log(sum)) : double.NaN;
            }
        }

        return double.NaN;
    }

    /// <summary>ψ₁(x) = d²/dx² lnΓ(x) for x &gt; 0: the recurrence ψ₁(x) = ψ₁(x + 1) + 1/x² up to x ≥ 10, then the asymptotic series (MathNet has no trigamma).</summary>
    public static double Trigamma(double x)
    {
        var sum = 0.0;
        while (x < 10)
        {
            sum += 1 / (x * x);
            x++;
        }

        var i2 = 1 / (x * x);
        // 1/x + 1/(2x²) + 1/(6x³) − 1/(30x⁵) + 1/(42x⁷) − 1/(30x⁹) + 5/(66x¹¹)
        var series = (1 / x) * (1 + (i2 * ((1.0 / 6) + (i2 * ((-1.0 / 30) + (i2 * ((1.0 / 42) + (i2 * ((-1.0 / 30) + (i2 * 5.0 / 66)))))))))) + (i2 / 2);
        return sum + series;
    }

    /// <summary>Throws unless <paramref name="value"/> is a positive finite number.</summary>
    public static double Positive(double value, string name)
    {
        if (!(value > 0) || !double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, string.Create(CultureInfo.InvariantCulture, $"{name} must be a positive finite number (was {value})."));
        }

        return value;
    }

    /// <summary>Throws unless <paramref name="value"/> is a finite number ≥ 0.</summary>
    public static double NonNegative(double value, string name)
    {
        if (!(value >= 0) || !double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, string.Create(CultureInfo.InvariantCulture, $"{name} must be a finite number of at least 0 (was {value})."));
        }

        return value;
    }
}
