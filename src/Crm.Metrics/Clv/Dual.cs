using MathNet.Numerics;

namespace Crm.Metrics.Clv;

/// <summary>
/// A value with its gradient in four parameters (forward-mode automatic differentiation): gives the Pareto/NBD and BG/BB
/// likelihoods their exact gradients through the hypergeometric series and the beta functions, to rounding.
/// </summary>
internal readonly struct Dual
{
    public Dual(double value, double d0 = 0, double d1 = 0, double d2 = 0, double d3 = 0)
    {
        V = value;
        D0 = d0;
        D1 = d1;
        D2 = d2;
        D3 = d3;
    }

    public double V { get; }

    public double D0 { get; }

    public double D1 { get; }

    public double D2 { get; }

    public double D3 { get; }

    /// <summary>The i-th of four independent variables with value <paramref name="value"/>.</summary>
    public static Dual Variable(double value, int index)
        => new(value, index == 0 ? 1 : 0, index == 1 ? 1 : 0, index == 2 ? 1 : 0, index == 3 ? 1 : 0);

    /// <summary>f(x) given f(x.V) and f′(x.V) (the chain rule).</summary>
    public static Dual Chain(Dual x, double value, double derivative)
        => new(value, x.D0 * derivative, x.D1 * derivative, x.D2 * derivative, x.D3 * derivative);

    public static implicit operator Dual(double value) => new(value);

    public static Dual operator +(Dual a, Dual b) => new(a.V + b.V, a.D0 + b.D0, a.D1 + b.D1, a.D2 + b.D2, a.D3 + b.D3);

    public static Dual operator -(Dual a, Dual b) => new(a.V - b.V, a.D0 - b.D0, a.D1 - b.D1, a.D2 - b.D2, a.D3 - b.D3);

    public static Dual operator -(Dual a) => new(-a.V, -a.D0, -a.D1, -a.D2, -a.D3);

    public static Dual operator *(Dual a, Dual b)
        => new(a.V * b.V, (a.D0 * b.V) + (a.V * b.D0), (a.D1 * b.V) + (a.V * b.D1), (a.D2 * b.V) + (a.V * b.D2), (a.D3 * b.V) + (a.V * b.D3));

    public static Dual operator /(Dual a, Dual b)
    {
        var inverse = 1 / b.V;
        var q = a.V * inverse;
        return new(q, (a.D0 - (q * b.D0)) * inverse, (a.D1 - (q * b.D1)) * inverse, (a.D2 - (q * b.D2)) * inverse, (a.D3 - (q * b.D3)) * inverse);
    }

    public static Dual Log(Dual x) => Chain(x, Math.Log(x.V), 1 / x.V);

    public static Dual Exp(Dual x)
    {
        var e = Math.Exp(x.V);
        return Chain(x, e, e);
    }

    public static Dual Log1P(Dual x) => Chain(x, Numerics.Log1P(x.V), 1 / (1 + x.V));

    /// <summary>log(1 − e^d) for d &lt; 0.</summary>
    public static Dual Log1MinusExp(Dual d) => Chain(d, Numerics.Log1MinusExp(d.V), -1 / Numerics.ExpM1(-d.V));

    public static Dual GammaLn(Dual x) => Chain(x, SpecialFunctions.GammaLn(x.V), SpecialFunctions.DiGamma(x.V));

    public static Dual BetaLn(Dual a, Dual b) => GammaLn(a) + GammaLn(b) - GammaLn(a + b);

    /// <summary>log(e^a + e^b) without overflow.</summary>
    public static Dual LogSumExp(Dual a, Dual b)
    {
        if (double.IsNegativeInfinity(a.V))
        {
            return b;
        }

        if (double.IsNegativeInfinity(b.V))
        {
            return a;
        }

        var value = Numerics.LogSumExp(a.V, b.V);
        var wa = Math.Exp(a.V - value);
        var wb = Math.Exp(b.V - value);
        return new(value, (wa * a.D0) + (wb * b.D0), (wa * a.D1) + (wb * b.D1), (wa * a.D2) + (wb * b.D2), (wa * a.D3) + (wb * b.D3));
    }

    public void CopyGradientTo(double[] gradient)
    {
        gradient[0] = D0;
        gradient[1] = D1;
        gradient[2] = D2;
        gradient[3] = D3;
    }
}
