using MathNet.Numerics;

namespace Crm.Metrics.Clv;

/// <summary>The BG/NBD log-likelihood of grouped histories with its exact gradient and Hessian in (r, α, a, b).</summary>
/// <remarks>
/// <para>
/// LL = Σ_x W_x [lnΓ(r+x) − lnΓ(r) + lnB(a, b+x) − lnB(a, b)] + n r ln α + Σ_i w_i ln(e^{A_i} + δ(x_i&gt;0) e^{B_i}), with
/// A = −(r+x) ln(α+T) and B = ln a − ln(b+x−1) − (r+x) ln(α+t_x). The first sum runs over the distinct x (digamma and
/// trigamma once per x); the last over distinct histories, where ln(e^A + e^B) has gradient (1−ω)∇A + ω∇B and Hessian
/// (1−ω)∇²A + ω∇²B + ω(1−ω)(∇B−∇A)(∇B−∇A)ᵀ with ω = e^B/(e^A + e^B). Histories with x = 0 reduce to three running sums.
/// </para>
/// <para>Each distinct history costs two logarithms, one exponential and one log1p; chunks of histories run on every core.</para>
/// </remarks>
internal sealed class BgNbdLikelihood(HistoryData data) : ILogLikelihood
{
    // Accumulator layout: value, gradient (4), upper-triangle Hessian (rr, rα, ra, rb, αα, αa, αb, aa, ab, bb).
    private const int Width = 15;

    public int Dimension => 4;

    public double Weight => data.Count;

    public bool HasHessian => true;

    public double Evaluate(double[] parameters, double[] gradient, double[]? hessian)
    {
        var (r, alpha, a, b) = (parameters[0], parameters[1], parameters[2], parameters[3]);
        Span<double> s = stackalloc double[Width];
        s.Clear();
        AddPerFrequency(r, a, b, s);

        var n = data.Count;
        var logAlpha = Math.Log(alpha);
        s[0] += n * r * logAlpha;
        s[1] += n * logAlpha;
        s[2] += n * r / alpha;
        s[6] += n / alpha;
        s[9] -= n * r / (alpha * alpha);

        AddZeroRows(r, alpha, s);

        var distinct = data.DistinctFrequencies;
        var perX = new double[distinct.Length];
        for (var i = 0; i < distinct.Length; i++)
        {
            perX[i] = distinct[i] > 0 ? Math.Log(a) - Math.Log(b + distinct[i] - 1) : 0;
        }

        ChunkedSum.Run(data.RepeatWeight.Length, s, (start, end, sums) => AddRepeatRows(r, alpha, a, b, perX, start, end, sums));

        gradient[0] = s[1];
        gradient[1] = s[2];
        gradient[2] = s[3];
        gradient[3] = s[4];
        if (hessian is not null)
        {
            var k = 5;
            for (var i = 0; i < 4; i++)
            {
                for (var j = i; j < 4; j++)
                {
                    hessian[(i * 4) + j] = s[k];
                    hessian[(j * 4) + i] = s[k];
                    k++;
                }
            }
        }

        return s[0];
    }

    private void AddPerFrequency(double r, double a, double b, Span<double> s)
    {
        var ab = a + b;
        var (lgR, lgB, lgAb) = (SpecialFunctions.GammaLn(r), SpecialFunctions.GammaLn(b), SpecialFunctions.GammaLn(ab));
        var (dgR, dgB, dgAb) = (SpecialFunctions.DiGamma(r), SpecialFunctions.DiGamma(b), SpecialFunctions.DiGamma(ab));
        var (tgR, tgB, tgAb) = (Numerics.Trigamma(r), Numerics.Trigamma(b), Numerics.Trigamma(ab));
        var distinct = data.DistinctFrequencies;
        for (var i = 0; i < distinct.Length; i++)
        {
            var x = distinct[i];
            if (x == 0)
            {
                continue;
            }

            var w = data.FrequencyWeight[i];
            var value = SpecialFunctions.GammaLn(r + x) - lgR + SpecialFunctions.GammaLn(b + x) - lgB - SpecialFunctions.GammaLn(ab + x) + lgAb;
            var dR = SpecialFunctions.DiGamma(r + x) - dgR;
            var dAb = dgAb - SpecialFunctions.DiGamma(ab + x);
            var dB = SpecialFunctions.DiGamma(b + x) - dgB + dAb;
            var hR = Numerics.Trigamma(r + x) - tgR;
            var hAb = tgAb - Numerics.Trigamma(ab + x);
            var hB = Numerics.Trigamma(b + x) - tgB + hAb;
            s[0] += w * value;
            s[1] += w * dR;
            s[3] += w * dAb;
            s[4] += w * dB;
            s[5] += w * hR;
            s[12] += w * hAb;
            s[13] += w * hAb;
            s[14] += w * hB;
        }
    }

    private void AddZeroRows(double r, double alpha, Span<double> s)
    {
        var (logSum, inverseSum, inverseSquareSum) = (0.0, 0.0, 0.0);
        var ages = data.ZeroAge;
        var weights = data.ZeroWeight;
        for (var i = 0; i < ages.Length; i++)
        {
            var w = weights[i];
            var inverse = 1 / (alpha + ages[i]);
            logSum += w * Math.Log(alpha + ages[i]);
            inverseSum += w * inverse;
            inverseSquareSum += w * inverse * inverse;
        }

        s[0] -= r * logSum;
        s[1] -= logSum;
        s[2] -= r * inverseSum;
        s[6] -= inverseSum;
        s[9] += r * inverseSquareSum;
    }

    private void AddRepeatRows(double r, double alpha, double a, double b, double[] perX, int start, int end, Span<double> s)
    {
        var index = data.RepeatIndex;
        var frequency = data.RepeatFrequency;
        var recency = data.RepeatRecency;
        var age = data.RepeatAge;
        var weight = data.RepeatWeight;
        var inverseA = 1 / a;
        double v = 0, gR = 0, gAl = 0, gA = 0, gB = 0;
        double hRr = 0, hRal = 0, hRa = 0, hRb = 0, hAlal = 0, hAla = 0, hAlb = 0, hAa = 0, hAb = 0, hBb = 0;
        for (var i = start; i < end; i++)
        {
            var w = weight[i];
            var rx = r + frequency[i];
            var lT = Math.Log(alpha + age[i]);
            var lt = Math.Log(alpha + recency[i]);
            var iT = 1 / (alpha + age[i]);
            var it = 1 / (alpha + recency[i]);
            var inverseB = 1 / (b + frequency[i] - 1);
            var bigA = -rx * lT;
            var bigB = perX[index[i]] - (rx * lt);
            double logSum, omega;
            if (bigA >= bigB)
            {
                var e = Math.Exp(bigB - bigA);
                logSum = bigA + Math.Log(1 + e);
                omega = e / (1 + e);
            }
            else
            {
                var e = Math.Exp(bigA - bigB);
                logSum = bigB + Math.Log(1 + e);
                omega = 1 / (1 + e);
            }

            var rest = 1 - omega;
            // ∇A = (−lT, −rx·iT, 0, 0), ∇B = (−lt, −rx·it, 1/a, −1/(b+x−1)); d = ∇B − ∇A.
            var dR = lT - lt;
            var dAl = rx * (iT - it);
            var dA = inverseA;
            var dB = -inverseB;
            var c = w * omega * rest;
            v += w * logSum;
            gR += w * -((rest * lT) + (omega * lt));
            gAl += w * -rx * ((rest * iT) + (omega * it));
            gA += w * omega * inverseA;
            gB -= w * omega * inverseB;
            hRr += c * dR * dR;
            hRal += (w * -((rest * iT) + (omega * it))) + (c * dR * dAl);
            hRa += c * dR * dA;
            hRb += c * dR * dB;
            hAlal += (w * rx * ((rest * iT * iT) + (omega * it * it))) + (c * dAl * dAl);
            hAla += c * dAl * dA;
            hAlb += c * dAl * dB;
            hAa += (-w * omega * inverseA * inverseA) + (c * dA * dA);
            hAb += c * dA * dB;
            hBb += (w * omega * inverseB * inverseB) + (c * dB * dB);
        }

        s[0] += v;
        s[1] += gR;
        s[2] += gAl;
        s[3] += gA;
        s[4] += gB;
        s[5] += hRr;
        s[6] += hRal;
        s[7] += hRa;
        s[8] += hRb;
        s[9] += hAlal;
        s[10] += hAla;
        s[11] += hAlb;
        s[12] += hAa;
        s[13] += hAb;
        s[14] += hBb;
    }
}
