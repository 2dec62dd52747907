#!/usr/bin/python3
"""The SciPy contestant of the Crm.Metrics fit benchmarks (tests/Crm.Benchmarks/Metrics/FitComparison.cs).

Fits BG/NBD and Gamma-Gamma by maximum likelihood to a summary CSV (x,t_x,T,m) the way a careful SciPy user does:
scipy.optimize.minimize(method="BFGS") on the negative log-likelihood scaled by 1/n (unscaled, BFGS stops early on
100,000 customers), in the log-parameters, numerical gradients (as lifetimes does), gammaln/betaln from scipy.special.
Starting points: BG/NBD r = α = a = b = 1 (lifetimes' default); Gamma-Gamma p = q = γ = 1.

Usage: /usr/bin/python3 fit_bench.py SUMMARY.csv REPEATS
Prints one JSON object: for each model the median wall time of the fit (data already loaded), the estimates, the
log-likelihood, the iterations and function evaluations.
"""
import json
import statistics
import sys
import time

import numpy as np
from scipy.optimize import minimize
from scipy.special import betaln, gammaln


def bgnbd_negll(log_params, x, tx, T):
    r, alpha, a, b = np.exp(log_params)
    a1 = gammaln(r + x) - gammaln(r) + r * np.log(alpha)
    a2 = betaln(a, b + x) - betaln(a, b)
    a3 = -(r + x) * np.log(alpha + T)
    with np.errstate(divide="ignore", invalid="ignore"):
        a4 = np.where(x > 0, np.log(a) - np.log(np.maximum(b + x - 1, 1e-300)) - (r + x) * np.log(alpha + tx), -np.inf)
    ll = a1 + a2 + np.logaddexp(a3, a4)
    return -ll.sum() / len(x)


def gg_negll(log_params, x, m):
    p, q, v = np.exp(log_params)
    px = p * x
    ll = (gammaln(px + q) - gammaln(px) - gammaln(q) + q * np.log(v)
          + (px - 1) * np.log(m) + px * np.log(x) - (px + q) * np.log(v + m * x))
    return -ll.sum() / len(x)


def timed(fn, repeats):
    times, result = [], None
    for _ in range(repeats):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main():
    path, repeats = sys.argv[1], int(sys.argv[2])
    data = np.loadtxt(path, delimiter=",", skiprows=1, ndmin=2)
    x, tx, T, m = data[:, 0], data[:, 1], data[:, 2], data[:, 3]
    out = {}

    median, res = timed(lambda: minimize(bgnbd_negll, np.zeros(4), args=(x, tx, T), method="BFGS"), repeats)
    out["bgnbd"] = {"median_s": median, "params": np.exp(res.x).tolist(), "loglik": -res.fun * len(x),
                    "iterations": int(res.nit), "evaluations": int(res.nfev), "success": bool(res.success), "customers": len(x)}

    keep = (x > 0) & (m > 0)
    xr, mr = x[keep], m[keep]
    median, res = timed(lambda: minimize(gg_negll, np.zeros(3), args=(xr, mr), method="BFGS"), repeats)
    out["gammagamma"] = {"median_s": median, "params": np.exp(res.x).tolist(), "loglik": -res.fun * len(xr),
                         "iterations": int(res.nit), "evaluations": int(res.nfev), "success": bool(res.success), "customers": int(keep.sum())}
    print(json.dumps(out))


if __name__ == "__main__":
    main()
