using Crm.Metrics.Clv;
using MathNet.Numerics.Distributions;

namespace Crm.Metrics.Tests.Clv;

/// <summary>Deterministic simulators of the models' generative stories (fixed-seed <see cref="Random"/>), for parameter-recovery tests.</summary>
internal static class Simulator
{
    /// <summary>BG/NBD: λ ~ Gamma(r, rate α), p ~ Beta(a, b); Poisson purchases while alive; drop out with probability p after each repeat purchase.</summary>
    public static List<PurchaseHistory> BgNbd(int customers, double r, double alpha, double a, double b, int seed)
    {
        var rng = new Random(seed);
        var result = new List<PurchaseHistory>(customers);
        for (var i = 0; i < customers; i++)
        {
            var age = 26 + (rng.NextDouble() * 26);
            var lambda = Gamma.Sample(rng, r, alpha);
            var p = Beta.Sample(rng, a, b);
            var (x, t) = (0, 0.0);
            while (true)
            {
                var next = t + Exponential.Sample(rng, lambda);
                if (next > age)
                {
                    break;
                }

                (x, t) = (x + 1, next);
                if (rng.NextDouble() < p)
                {
                    break;
                }
            }

            result.Add(new PurchaseHistory(x, t, age));
        }

        return result;
    }

    /// <summary>Pareto/NBD: λ ~ Gamma(r, rate α), μ ~ Gamma(s, rate β); Poisson purchases until an exponential(μ) lifetime ends.</summary>
    public static List<PurchaseHistory> ParetoNbd(int customers, double r, double alpha, double s, double beta, int seed)
    {
        var rng = new Random(seed);
        var result = new List<PurchaseHistory>(customers);
        for (var i = 0; i < customers; i++)
        {
            var age = 26 + (rng.NextDouble() * 26);
            var lambda = Gamma.Sample(rng, r, alpha);
            var lifetime = Exponential.Sample(rng, Gamma.Sample(rng, s, beta));
            var end = Math.Min(age, lifetime);
            var (x, t) = (0, 0.0);
            while (true)
            {
                var next = t + Exponential.Sample(rng, lambda);
                if (next > end)
                {
                    break;
                }

                (x, t) = (x + 1, next);
            }

            result.Add(new PurchaseHistory(x, t, age));
        }

        return result;
    }

    /// <summary>Gamma-Gamma: ν ~ Gamma(q, rate γ); each of x ≥ 1 transactions ~ Gamma(p, rate ν); returns x and the mean, rounded to cents.</summary>
    public static List<SpendHistory> GammaGamma(int customers, double p, double q, double gamma, int seed)
    {
        var rng = new Random(seed);
        var result = new List<SpendHistory>(customers);
        for (var i = 0; i < customers; i++)
        {
            var x = 1 + rng.Next(10);
            var nu = Gamma.Sample(rng, q, gamma);
            var sum = 0.0;
            for (var j = 0; j < x; j++)
            {
                sum += Gamma.Sample(rng, p, nu);
            }

            result.Add(new SpendHistory(x, Math.Max(0.01m, Math.Round((decimal)(sum / x), 2))));
        }

        return result;
    }
}
