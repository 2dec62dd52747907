using System.Runtime.InteropServices;
using MathNet.Numerics;

namespace Crm.Metrics.Clv;

/// <summary>The Gamma-Gamma log-likelihood of grouped (x, m̄) with its exact gradient and Hessian in (p, q, γ).</summary>
/// <remarks>
/// LL = Σ_x W_x [lnΓ(px+q) − lnΓ(px)] + n (q ln γ − lnΓ(q)) + p Σ w x (ln m̄ + ln x) − Σ w ln m̄ − Σ w (px+q) ln(γ + m̄x).
/// The first sum runs over the distinct x, the data-only sums are taken once, and each distinct (x, m̄) costs one logarithm.
/// </remarks>
internal sealed class GammaGammaLikelihood : ILogLikelihood
{
    private readonly int[] _distinct;
    private readonly double[] _distinctWeight;
    private readonly double[] _x;
    private readonly double[] _m;
    private readonly double[] _w;
    private readonly double _constantP;
    private readonly double _constant;

    public GammaGammaLikelihood(int[] x, double[] m)
    {
        var groups = new Dictionary<(int, double), int>();
        foreach (var (xi, mi) in x.Zip(m))
        {
            CollectionsMarshal.GetValueRefOrAddDefault(groups, (xi, mi), out _)++;
        }

        var perX = new SortedDictionary<int, double>();
        _x = new double[groups.Count];
        _m = new double[groups.Count];
        _w = new double[groups.Count];
        var i = 0;
        foreach (var ((xi, mi), weight) in groups)
        {
            perX[xi] = perX.GetValueOrDefault(xi) + weight;
            (_x[i], _m[i], _w[i]) = (xi, mi, weight);
            _constantP += weight * xi * (Math.Log(mi) + Math.Log(xi));
            _constant -= weight * Math.Log(mi);
            i++;
        }

        _distinct = [.. perX.Keys];
        _distinctWeight = [.. perX.Values];
        Weight = x.Length;
    }

    public int Dimension => 3;

    public double Weight { get; }

    public bool HasHessian => true;

    public double Evaluate(double[] parameters, double[] gradient, double[]? hessian)
    {
        var (p, q, gamma) = (parameters[0], parameters[1], parameters[2]);
        double v = 0, gp = 0, gq = 0, gg = 0, hpp = 0, hpq = 0, hqq = 0, hpg = 0, hqg = 0, hgg = 0;
        for (var k = 0; k < _distinct.Length; k++)
        {
            var (x, w) = (_distinct[k], _distinctWeight[k]);
            var px = p * x;
            var psiSum = SpecialFunctions.DiGamma(px + q);
            var triSum = Numerics.Trigamma(px + q);
            v += w * (SpecialFunctions.GammaLn(px + q) - SpecialFunctions.GammaLn(px));
            gp += w * x * (psiSum - SpecialFunctions.DiGamma(px));
            gq += w * psiSum;
            hpp += w * x * x * (triSum - Numerics.Trigamma(px));
            hpq += w * x * triSum;
            hqq += w * triSum;
        }

        var n = Weight;
        var logGamma = Math.Log(gamma);
        v += (n * ((q * logGamma) - SpecialFunctions.GammaLn(q))) + (p * _constantP) + _constant;
        gp += _constantP;
        gq += n * (logGamma - SpecialFunctions.DiGamma(q));
        gg += n * q / gamma;
        hqq -= n * Numerics.Trigamma(q);
        hqg += n / gamma;
        hgg -= n * q / (gamma * gamma);

        Span<double> s = stackalloc double[6];
        s.Clear();
        ChunkedSum.Run(_x.Length, s, (start, end, sums) => AddRows(gamma, start, end, sums));
        var (l1, lx, i1, ix, j1, jx) = (s[0], s[1], s[2], s[3], s[4], s[5]);
        v -= (p * lx) + (q * l1);
        gp -= lx;
        gq -= l1;
        gg -= (p * ix) + (q * i1);
        hpg -= ix;
        hqg -= i1;
        hgg += (p * jx) + (q * j1);

        (gradient[0], gradient[1], gradient[2]) = (gp, gq, gg);
        if (hessian is not null)
        {
            (hessian[0], hessian[1], hessian[2]) = (hpp, hpq, hpg);
            (hessian[3], hessian[4], hessian[5]) = (hpq, hqq, hqg);
            (hessian[6], hessian[7], hessian[8]) = (hpg, hqg, hgg);
        }

        return v;
    }

    /// <summary>Σ w ln u, Σ w x ln u, Σ w/u, Σ w x/u, Σ w/u², Σ w x/u² with u = γ + m̄x.</summary>
    private void AddRows(double gamma, int start, int end, Span<double> s)
    {
        double l1 = 0, lx = 0, i1 = 0, ix = 0, j1 = 0, jx = 0;
        for (var i = start; i < end; i++)
        {
            var (x, w) = (_x[i], _w[i]);
            var inverse = 1 / (gamma + (_m[i] * x));
            var log = w * Math.Log(gamma + (_m[i] * x));
            l1 += log;
            lx += x * log;
            i1 += w * inverse;
            ix += w * x * inverse;
            j1 += w * inverse * inverse;
            jx += w * x * inverse * inverse;
        }

        s[0] += l1;
        s[1] += lx;
        s[2] += i1;
        s[3] += ix;
        s[4] += j1;
        s[5] += jx;
    }
}
